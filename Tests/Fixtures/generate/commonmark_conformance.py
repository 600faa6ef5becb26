"""Expected code and HTML blocks for Tests/CommonMarkTests/Fixtures/conformance.json.

The reference is markdown-it-py (CommonMark 0.31.2 conformant; `pip install markdown-it-py` in a venv of your own),
not cmark itself, so that the test catches where Quill's libcmark differs from the spec on the constructs notebooks
rely on: fences of both kinds and any length, info strings, fences in list items and block quotes, CRLF and lone CR,
tabs, HTML blocks. Run: python Tests/Fixtures/generate/commonmark_conformance.py > Tests/CommonMarkTests/Fixtures/conformance.json
"""
import json
import sys

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll

CASES = {
    "backtick fence": "```quill\nprint(1)\n```\n",
    "tilde fence": "~~~quill\nprint(1)\n~~~\n",
    "long backtick fence holds a short one": "`````quill\n```\nx\n```\n`````\n",
    "long tilde fence holds a short one": "~~~~~\n~~~\ny\n~~~~~~~\n",
    "backticks inside a tilde fence": "~~~\n```\n~~~\n",
    "closing fence shorter than the opening does not close": "````\na\n```\nb\n````\n",
    "closing fence may be indented and trailed by spaces": "```\na\n   ```   \n",
    "closing fence with an info string does not close": "```\na\n``` x\n```\n",
    "info string: first word and the rest": "```python quill  extra words\nx = 1\n```\n",
    "info string: leading and trailing spaces": "```   quill   \nx\n```\n",
    "info string: escapes and entities": "```a\\_b&amp;c\nx\n```\n",
    "backtick in a backtick info string is no fence": "``` a`b\nx\n```\n",
    "backtick in a tilde info string": "~~~ a`b\nx\n~~~\n",
    "fence indented three spaces strips up to three": "   ```\n   a\n  b\n c\nd\n   ```\n",
    "fence indented four spaces is indented code": "    ```\n    a\n    ```\n",
    "unterminated fence runs to the end": "```quill\nprint(1)\n\nmore\n",
    "empty fence": "```\n```\n",
    "fence in a bullet list item": "- ```quill\n  print(1)\n  ```\n",
    "fence in an ordered list item": "1. text\n\n   ```quill\n   print(2)\n   ```\n",
    "fence in a block quote": "> ```quill\n> print(3)\n> ```\n",
    "fence in a list in a block quote": "> - ```\n>   a\n>   ```\n",
    "fence ended by its block quote": "> ```\n> a\n\nb\n",
    "CRLF fence": "```quill\r\nprint(1)\r\n```\r\n",
    "lone CR fence": "```quill\rprint(1)\r```\r",
    "tab inside a fence is kept": "```\n\tx\ty\n```\n",
    "tab before a fence is indented code": "\t```\n\ta\n",
    "tab after a list marker": "-\t```\n\ta\n\t```\n",
    "HTML block swallows a fence until a blank line": "<div>\n```\nx\n```\n</div>\n",
    "fence after a blank line inside HTML": "<div>\n\n```\nx\n```\n\n</div>\n",
    "HTML comment holds a fence": "<!--\n```quill\nx\n```\n-->\n",
    "fence without a final newline": "```quill\nprint(1)\n```",
    "two fences back to back": "```\na\n```\n~~~\nb\n~~~\n",
}


def blocks(markdown):
    """The code and HTML blocks of `markdown`, in order, as Quill's Document reports them."""
    out = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "fence":
            out.append({"kind": "code_block", "info": unescapeAll(token.info).strip(), "literal": token.content,
                        "line": token.map[0] + 1})
        elif token.type == "code_block":
            out.append({"kind": "code_block", "info": "", "literal": token.content, "line": token.map[0] + 1})
        elif token.type == "html_block":
            out.append({"kind": "html_block", "info": "", "literal": token.content, "line": token.map[0] + 1})
    return out


json.dump([{"name": name, "markdown": text, "blocks": blocks(text)} for name, text in CASES.items()],
          sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
