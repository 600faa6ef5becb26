# sleep with a string: CPython wants a number.
import time

pause = "2"
time.sleep(pause)
