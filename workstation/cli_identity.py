"""Who a command acts as (`--as USER`): on a demo or training database the name is
enough; on any other the account's password is asked for — `WORKSTATION_PASSWORD` for
scripts, else a prompt on the terminal — and checked like a login. The services then
check the account as stored again inside each action's transaction."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from workstation.domain.errors import DomainError
from workstation.domain.roles import Actor

ENV_PASSWORD = "WORKSTATION_PASSWORD"


def acting(ws: Any, username: str) -> Actor:
    if ws.reference.is_demo:
        return ws.actor(username)  # type: ignore[no-any-return]
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        if not sys.stdin.isatty():
            raise DomainError(f"以账号 {username} 操作需要其密码：请在终端输入，或通过环境变量 "
                              f"{ENV_PASSWORD} 提供（演示/培训数据库除外）")  # fmt: skip
        password = getpass.getpass(f"账号 {username} 的密码：")
    return ws.login(username, password).as_actor()  # type: ignore[no-any-return]
