"""The command line's parser in Chinese: help, usage and every error as one Chinese line.

argparse words its messages through its module-level `_()` (gettext); the translations
below replace those words for this process (the `workstation` command is its own
program). A mistyped choice suggests the nearest ones ("未知操作 dispach，是否要用
dispatch？"). Errors exit with status 2 after one line on stderr, as argparse's do.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import Any, NoReturn

_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid %(type)s value: %(value)r": "取值无效：%(value)r",
    "expected one argument": "需要一个取值",
    "expected at least one argument": "至少需要一个取值",
    "expected at most one argument": "至多一个取值",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "须给出参数 %s 之一",
    "ignored explicit argument %r": "多余的取值 %r",
}  # fmt: skip


def _translate(text: str) -> str:
    return _CHINESE.get(text, text)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse's own gettext hook


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese words, nearest-choice suggestions and one-line errors."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is None or value in choices:
            return
        names = [str(c) for c in choices]
        nearest = difflib.get_close_matches(str(value), names, n=2, cutoff=0.5)
        what = "操作" if action.dest == "action" else "取值"
        hint = f"，是否要用 {' 或 '.join(nearest)}？" if nearest else \
            f"（可选：{'、'.join(names)}）"  # fmt: skip
        raise argparse.ArgumentError(None, f"未知{what} {value}{hint}")

    def error(self, message: str) -> NoReturn:
        print(f"错误：{message}", file=sys.stderr)
        sys.exit(2)
