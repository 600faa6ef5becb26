# A negative sleep.
import time

delay = 0.5 - 1
time.sleep(delay)
