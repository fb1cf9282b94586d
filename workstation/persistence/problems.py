"""What went wrong with the database, in one Chinese sentence for the user: the CLI, the
console and the log all say it with these words (the driver's own first line follows in
brackets for the administrator).

Also the schema guard: a database migrated by a newer version of the workstation is
refused by every command and by the console, before anything reads or writes it.
"""

from __future__ import annotations

from workstation.domain.errors import DomainError


class SchemaTooNew(DomainError):
    """The database's schema revision is one this version does not know."""


def driver_line(exc: BaseException) -> str:
    """The driver's message, first line only (no SQL, no parameters, no hints)."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def database_problem(exc: BaseException) -> str | None:
    """The sentence for a database failure the user can understand, or None when the
    error is not one of those (a bug: the caller reports it as internal)."""
    from sqlalchemy.exc import SQLAlchemyError

    if not isinstance(exc, SQLAlchemyError):
        return None
    line = driver_line(exc)
    low = line.lower()
    if "statement timeout" in low or "canceling statement" in low:
        return f"数据库操作超时，已取消，未写入任何内容（{line}）"
    if "idle-in-transaction timeout" in low:
        return f"数据库事务空闲超时，已取消，未写入任何内容（{line}）"
    if "timeout expired" in low or "timed out" in low:
        return f"无法连接数据库：服务器没有在限定时间内应答（{line}）"
    if any(s in low for s in ("could not connect", "connection refused", "unable to open database",
                              "connection is closed", "server closed the connection",
                              "terminating connection", "no route to host",
                              "could not translate host name", "connection failed")):  # fmt: skip
        return f"无法连接数据库（{line}）"
    if "no such table" in low or "does not exist" in low:
        return f"数据库结构未初始化或版本不符，请先运行 workstation db upgrade（{line}）"
    if "database is locked" in low:
        return f"数据库正忙（另一个程序正在写入），请稍后重试（{line}）"
    return f"数据库错误：{line}"


def too_new_message(current: str, head: str | None) -> str:
    return (f"数据库的结构版本（{current}）比本程序新（本程序为 {head}）：它已由更新版本的"
            "工作站升级，请改用新版工作站；本版本不会读写或降级它")  # fmt: skip
