"""The `workstation` command: opens the GUI, or runs operations and scripting subcommands.

Errors end with a non-zero exit and one clear Chinese line on stderr; an action that
fails writes nothing (each is one transaction).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from workstation import cli_handover
from workstation.cli_identity import acting
from workstation.cli_parser import ChineseArgumentParser
from workstation.domain.errors import DomainError
from workstation.domain.lifecycle import INTERNAL_ACTIONS, Action, CaseState
from workstation.persistence.database import ENV_DB
from workstation.settings import Settings

log = logging.getLogger("workstation.cli")

ACTION_OPTIONS = {
    # option → parameter name in the action's params
    "unit": "unit_code", "reason": "reason", "comment": "comment", "category": "category_code",
    "grid": "grid_code", "supervisor": "supervisor", "extra": "extra", "text": "text",
    "original": "original_id", "priority": "priority", "limit": "limit", "result": "result",
    "message": "message", "note": "note", "reply": "reply",
}  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="workstation",
        description="网格化指挥调度工作站 (Grid Dispatch Workstation). 不带子命令时打开图形界面。",
    )
    parser.add_argument("--db", help="数据库 URL（默认：内置 SQLite 文件；或 $WORKSTATION_DB）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言 (GUI language)")
    parser.add_argument("-v", "--verbose", action="store_true", help="输出调试日志")
    sub = parser.add_subparsers(dest="command")
    # `--db` is accepted before and after the subcommand (`workstation demo --db URL`).
    common = ChineseArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库 URL")
    leaf: dict[str, Any] = {"parents": [common]}

    db = sub.add_parser("db", help="数据库维护").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="创建或升级数据库结构（Alembic 迁移）", **leaf)

    demo = sub.add_parser("demo", help="生成呈贡区演示数据", **leaf)
    demo.add_argument("--days", type=int, default=30,
                      help="案件历史天数（默认 30；0：只生成网格、单位和账号）")  # fmt: skip
    demo.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同数据）")
    demo.add_argument("--cases-per-day", type=float, default=None,
                      help="每天上报量（默认约 300）")  # fmt: skip
    demo.add_argument("--end", help="演示数据的“当前时间”（ISO，默认现在）")
    demo.add_argument("--replace", action="store_true", help="删除现有案件后重新生成")

    sim = sub.add_parser(
        "simulate", help="外业模拟：监督员巡查、上报、核实核查，处置单位反馈", **leaf
    )
    sim.add_argument("--speed", type=float, default=1.0,
                     help="模拟时间倍速（默认 1 = 实时；0 = 尽快）")  # fmt: skip
    sim.add_argument("--seed", type=int, default=1, help="随机种子")
    sim.add_argument("--minutes", type=float, default=None,
                     help="模拟多少分钟后停止（默认一直运行，Ctrl+C 停止）")  # fmt: skip
    sim.add_argument("--start", help="模拟起始时间（ISO，默认现在）")

    cases = sub.add_parser("cases", help="案件列表").add_subparsers(dest="cases_command",
                                                                  required=True)  # fmt: skip
    lst = cases.add_parser("list", help="列出案件", **leaf)
    lst.add_argument("--state", action="append", choices=[s.value for s in CaseState],
                     help="按状态筛选（可重复）")  # fmt: skip
    lst.add_argument("--unit", help="按处置单位代码筛选")
    lst.add_argument("--grid", help="按街道/社区/网格代码前缀筛选")
    lst.add_argument("--search", help="按编号、地址、描述搜索")
    lst.add_argument("--limit", type=_positive, default=None, help="最多列出多少件")
    lst.add_argument("--at", help="按此时刻读取案件时钟（ISO，默认现在）")
    lst.add_argument("--json", action="store_true", help="输出 JSON")

    aud = sub.add_parser("audit", help="审计记录：案件操作与管理变更（值班长、管理员）", **leaf)
    aud.add_argument("--user", default="", help="按账号筛选")
    aud.add_argument("--case", default="", help="按案件编号或 ID 筛选")
    aud.add_argument("--action", default="", help="按操作筛选，如 dispatch、calendar.set")
    aud.add_argument("--workstation", default="", help="按工作站筛选")
    aud.add_argument("--from", dest="first_day", help="日期起，如 2026-11-01")
    aud.add_argument("--to", dest="last_day", help="日期止（含当天）")
    aud.add_argument("--limit", type=_positive, default=1000, help="最多列出多少条（默认 1000）")
    aud.add_argument("--csv", dest="csv_file",
                     help="导出为 CSV 文件（UTF-8，带 BOM）；- 为标准输出")  # fmt: skip
    aud.add_argument("--as", dest="user_as", default="admin", help="查看者账号（默认 admin）")
    aud.add_argument("--json", action="store_true")

    srch = cases.add_parser("search", help="检索全部历史案件（编号、地址、描述、上报人）", **leaf)
    srch.add_argument("text", nargs="?", default="",
                      help="检索词，如 井盖、彩云路、2026112；多个词用空格分开，"
                           "须全部出现")  # fmt: skip
    srch.add_argument("--from", dest="first_day", help="上报日期起，如 2026-11-01")
    srch.add_argument("--to", dest="last_day", help="上报日期止（含当天）")
    srch.add_argument("--state", action="append", choices=[s.value for s in CaseState],
                      help="按状态筛选（可重复）")  # fmt: skip
    srch.add_argument("--source", help="按来源筛选，如 hotline_12345")
    srch.add_argument("--unit", help="按处置单位代码筛选")
    srch.add_argument("--category", help="按类别代码前缀筛选，如 C01、E0102")
    srch.add_argument("--area", help="按街道/社区/网格代码前缀筛选")
    srch.add_argument("--limit", type=_positive, default=100, help="最多列出多少件（默认 100）")
    srch.add_argument("--before", type=_positive, help="翻页：只列出案件 ID 小于此值的案件"
                      "（上一页末尾给出）")  # fmt: skip
    srch.add_argument("--as", dest="user", help="以哪个账号检索（处置单位只见本单位案件）")
    srch.add_argument("--json", action="store_true", help="输出 JSON")

    case = sub.add_parser("case", help="单个案件").add_subparsers(dest="case_command",
                                                               required=True)  # fmt: skip
    show = case.add_parser("show", help="显示案件及其事件", **leaf)
    show.add_argument("id", help="案件 ID 或案件编号")
    show.add_argument("--as", dest="user", default="admin", help="以哪个账号查看（决定可用操作）")
    show.add_argument("--at", help="按此时刻读取案件时钟与可用操作（ISO，默认现在）")
    show.add_argument("--json", action="store_true")

    act = case.add_parser("act", help="对案件执行操作", **leaf)
    act.add_argument("id", help="案件 ID 或案件编号")
    act.add_argument("action", choices=[a.value for a in Action
                                        if a is not Action.REPORT and a not in INTERNAL_ACTIONS])
    act.add_argument("--as", dest="user", required=True, help="执行操作的账号")
    for option in ACTION_OPTIONS:
        act.add_argument(f"--{option}")
    act.add_argument("--confirmed", choices=["yes", "no"], help="核实结果：属实 yes / 不属实 no")
    act.add_argument("--expected-version", type=int, help="乐观锁：看到的案件版本")
    act.add_argument("--at", help="操作时间（ISO；仅演示/培训数据库，用于构造场景）")
    act.add_argument("--json", action="store_true")

    rep = case.add_parser("report", help="登记新问题（上报）", **leaf)
    rep.add_argument("--as", dest="user", required=True)
    rep.add_argument("--description", required=True)
    rep.add_argument("--source", default="supervisor")
    rep.add_argument("--lon", type=float)
    rep.add_argument("--lat", type=float)
    rep.add_argument("--grid")
    rep.add_argument("--category")
    rep.add_argument("--address", default="")
    rep.add_argument("--priority")
    rep.add_argument("--self-handled", action="store_true")
    rep.add_argument("--at", help="上报时间（ISO；仅演示/培训数据库，用于构造场景）")
    rep.add_argument("--json", action="store_true")

    ev = sub.add_parser("evaluate", help="综合评价：按期处置率、结案率、返工率、综合指标值与等级",
                        **leaf)  # fmt: skip
    ev.add_argument("--from", dest="first_day", required=True, help="起始日期，如 2026-11-01")
    ev.add_argument("--to", dest="last_day", required=True,
                    help="结束日期（含当天），如 2026-11-30")  # fmt: skip
    ev.add_argument("--by", default="unit",
                    choices=["unit", "supervisor", "acceptor", "leader", "dispatcher", "street",
                             "community", "grid", "centre"],
                    help="按处置单位、监督员、受理员、值班长、派遣员、街道、社区、单元网格或"
                         "全中心")  # fmt: skip
    ev.add_argument("--at", help="按此时刻评判未结案件（ISO，默认现在）")
    ev.add_argument("--compare", action="store_true",
                    help="同时给出环比（上一期）与同比（去年同期）")  # fmt: skip
    ev.add_argument("--json", action="store_true")

    tg = sub.add_parser("targets", help="绩效目标：年度目标与本期实测（监督员在岗、验收合格率、"
                        "消除安全隐患、满意度）", **leaf)  # fmt: skip
    tg.add_argument("--from", dest="first_day", required=True, help="起始日期，如 2026-11-01")
    tg.add_argument("--to", dest="last_day", required=True, help="结束日期（含当天）")
    tg.add_argument("--at", help="按此时刻评判（ISO，默认现在）")
    tg.add_argument("--json", action="store_true")

    cli_handover.add_parser(sub, leaf)

    cal = sub.add_parser("calendar", help="工作日历").add_subparsers(dest="cal_command",
                                                                 required=True)  # fmt: skip
    add = cal.add_parser("add", help="计算期限：起始时间 + 时限", **leaf)
    add.add_argument("--from", dest="start", required=True, help="起始时间（ISO 格式）")
    add.add_argument("--limit", required=True, help="时限，如 8 工作时、3 工作日、2 小时")
    add.add_argument("--json", action="store_true")
    _calendar_admin_parsers(cal, leaf)
    return parser


def _calendar_admin_parsers(cal: Any, leaf: dict[str, Any]) -> None:
    """`calendar set|import|confirm|hours|limit` (administrator, audited) and `show`."""
    show = cal.add_parser("show", help="显示某年的节假日、调休工作日及其来源", **leaf)
    show.add_argument("year", type=int, help="年份，如 2027")
    show.add_argument("--json", action="store_true")

    changing = ChineseArgumentParser(add_help=False)
    changing.add_argument("--as", dest="user", default="admin", help="管理员账号（默认 admin）")
    choice = changing.add_mutually_exclusive_group()
    choice.add_argument("--recompute", action="store_const", const=True, dest="recompute",
                        help="重算受影响在办案件的期限（每件记入案件事件）")  # fmt: skip
    choice.add_argument("--keep", action="store_const", const=False, dest="recompute",
                        help="保留受影响在办案件的原期限")  # fmt: skip
    changing.add_argument("--json", action="store_true")
    parents = {"parents": [*leaf["parents"], changing]}

    day = cal.add_parser("set", help="把某天设为节假日或工作日（clear：恢复按规则）", **parents)
    day.add_argument("date", help="日期，如 2027-02-20")
    day.add_argument("kind", choices=["holiday", "workday", "clear"])
    day.add_argument("--note", default="", help="备注，如 春节调休")

    imp = cal.add_parser("import", help="导入调休表 CSV（date,kind,note），并确认其中的年份",
                         **parents)  # fmt: skip
    imp.add_argument("file", help="CSV 文件")
    imp.add_argument("--no-confirm", action="store_true", help="导入后不标记为已确认")

    confirm = cal.add_parser("confirm", help="标记某年的调休安排已录入（已确认）", **parents)
    confirm.add_argument("year", type=int)
    confirm.add_argument("--undo", action="store_true", help="取消确认")

    hours = cal.add_parser("hours", help="修改办公时段，如 \"09:00-12:00, 14:30-18:00\"", **parents)
    hours.add_argument("office_hours")

    limit = cal.add_parser("limit", help="修改环节时限，如 file \"1 工作时\"", **parents)
    limit.add_argument("stage", choices=["verify", "file", "dispatch", "check", "urgent_handling"])
    limit.add_argument("limit", help="时限，如 1 工作时、30 分钟")
    limit.add_argument("--priority", choices=["normal", "urgent"], default="normal",
                       help="一般（默认）或紧急案件的环节时限")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")  # fmt: skip
    try:
        return _dispatch(args)
    except DomainError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("已中断")
    except BrokenPipeError:  # `workstation … | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: one clear line, details in the log
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            log.debug("database error", exc_info=True)
            return _fail(_db_message(exc))
        log.exception("unexpected error")
        return _fail(f"内部错误：{exc}")


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 1


def _db_message(exc: Exception) -> str:
    from workstation.persistence.problems import database_problem

    return database_problem(exc) or str(exc)


def _dispatch(args: argparse.Namespace) -> int:
    settings = Settings.from_env(args.db, args.lang)
    if args.command is None:
        # Only when no address was given may the GUI open the one saved in 连接设置….
        return _launch_gui(settings, use_saved_url=not (args.db or os.environ.get(ENV_DB)))
    if args.command == "calendar":
        # These commands say themselves, once and in plain words, which years have no
        # confirmed schedule; the calendar's own log warning would say it a second time.
        logging.getLogger("workstation.calendar").setLevel(logging.ERROR)
    if args.command == "calendar" and args.cal_command == "add":
        return _calendar_add(args, _calendar_for(args, settings))

    _check_database_url(settings.db_url, creates=args.command in ("db", "demo"))
    from workstation.bootstrap import bootstrap

    ws = bootstrap(settings)
    try:
        if args.command == "db":
            ws.upgrade(_progress_printer())
            print(f"数据库已是最新结构：{_safe_url(settings.db_url)}")
            return 0
        if args.command == "demo":
            return _demo(ws, args)
        _require_schema(ws)
        if args.command == "simulate":
            return _simulate(ws, args)
        if args.command == "audit":
            from workstation import cli_audit

            return cli_audit.run(ws, args)
        if args.command == "cases" and args.cases_command == "search":
            return _cases_search(ws, args)
        if args.command == "cases":
            return _cases_list(ws, args)
        if args.command == "evaluate":
            return _evaluate(ws, args)
        if args.command == "targets":
            return _targets(ws, args)
        if args.command == "handover":
            return cli_handover.run(ws, args)
        if args.command == "calendar":
            from workstation import cli_calendar

            return cli_calendar.run(ws, args)
        if args.case_command == "show":
            at = _instant(args.at) or ws.clock()
            detail = ws.case_detail(args.id, acting(ws, args.user), at=at)
            data = detail.to_json()
            data["clock"] = _clock_json(ws, detail.summary, at)
            _print_detail(data, args.json)
            return 0
        if args.case_command == "report":
            return _case_report(ws, args)
        return _case_act(ws, args)
    finally:
        ws.dispose()


def _launch_gui(settings: Settings, *, use_saved_url: bool) -> int:
    """Start the GUI registered under the `workstation.gui` entry point (the `ui` package).

    The core never imports Qt (see the import-linter contracts): the GUI plugs itself in,
    and Qt is loaded only when a window is really wanted.
    """
    from importlib.metadata import entry_points

    launchers = entry_points(group="workstation.gui")
    if not launchers:
        raise DomainError("未安装图形界面（ui 包），请按 README 安装后再试")
    run_gui = next(iter(launchers)).load()
    return int(run_gui(settings, use_saved_url=use_saved_url))


def _check_database_url(url: str, *, creates: bool) -> None:
    """One clear line for a database address that cannot be right, before connecting: an
    unknown kind of database, or a SQLite file that is not there (only `db upgrade` and
    `demo` create one; anything else would have made an empty file from a typo)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise DomainError(f"不支持的数据库地址：{url}（应为 SQLite 文件路径，或 "
                          "postgresql+psycopg://用户@服务器/数据库）") from None  # fmt: skip
    if parsed.get_backend_name() == "sqlite" and not creates:
        path = parsed.database
        if path and path != ":memory:" and not Path(path).exists():
            raise DomainError(f"数据库文件不存在：{path}（新建数据库请运行 workstation db "
                              "upgrade 或 workstation demo）")  # fmt: skip


def _require_schema(ws: Any) -> None:
    from workstation.persistence import migrate

    migrate.refuse_newer(ws.engine)
    if not migrate.is_up_to_date(ws.engine):
        raise DomainError("数据库结构未初始化或不是最新版本，请先运行 workstation db upgrade")


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _demo(ws: Any, args: argparse.Namespace) -> int:
    from workstation.adapters.demo import DemoOptions, build_demo

    end = datetime.fromisoformat(args.end) if args.end else None
    options = DemoOptions(days=args.days, seed=args.seed, end=end, replace=args.replace)
    if args.cases_per_day is not None:
        options = options.with_rate(args.cases_per_day)
    stats = build_demo(ws, options, progress=_progress_printer())
    print(stats.describe())
    return 0


def _simulate(ws: Any, args: argparse.Namespace) -> int:
    import time

    from workstation.adapters.simulator import FieldSimulator, SimulatorOptions

    if args.speed < 0:
        raise ValueError("倍速不能为负数")
    if not ws.has_grid() or not ws.reference.supervisors:
        raise DomainError("数据库中没有网格和监督员，请先运行 workstation demo")
    start = datetime.fromisoformat(args.start) if args.start else None
    sim = FieldSimulator(ws, SimulatorOptions(seed=args.seed), start=start)
    step = 30.0  # simulated seconds per step
    total = args.minutes * 60 if args.minutes is not None else float("inf")
    done = 0.0
    print(f"外业模拟开始：{sim.now:%Y-%m-%d %H:%M}，倍速 {args.speed or '最快'}", file=sys.stderr)
    try:
        while done < total:
            began = time.monotonic()
            sim.advance(min(step, total - done))
            done += step
            if int(done) % 600 == 0:
                print(f"{sim.now:%H:%M} {sim.stats.describe()}", file=sys.stderr)
            if args.speed:
                time.sleep(max(0.0, step / args.speed - (time.monotonic() - began)))
    except KeyboardInterrupt:
        pass
    print(sim.stats.describe())
    return 0


def _progress_printer() -> Any:
    interactive = sys.stderr.isatty()
    last = [-1]

    def show(step: str, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        if interactive:
            print(f"\r{step}：{percent:3d}%", end="" if percent < 100 else "\n",
                  file=sys.stderr, flush=True)  # fmt: skip
        elif percent // 10 != last[0] // 10 or percent == 100:
            print(f"{step}：{percent}%", file=sys.stderr, flush=True)
        last[0] = percent

    return show


def _cases_list(ws: Any, args: argparse.Namespace) -> int:
    from workstation.services.queries import CaseFilter

    flt = CaseFilter(
        states=[CaseState(s) for s in args.state] if args.state else None,
        unit_code=args.unit, grid_prefix=args.grid, text=args.search, limit=args.limit,
    )  # fmt: skip
    rows = ws.list_cases(flt)
    if args.json:
        at = _instant(args.at) or ws.clock()
        out = [{**r.to_json(), "clock": _clock_json(ws, r, at)} for r in rows]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for r in rows:
            deadline = f"{r.deadline:%m-%d %H:%M}" if r.deadline else "—"
            print(f"{r.id:>8}  {r.case_no}  {r.state_label:<4}  {r.category_name or '未分类':<10}"
                  f"  {r.unit_name or '—':<12}  期限 {deadline}  {r.description[:24]}")  # fmt: skip
        print(f"共 {len(rows)} 件", file=sys.stderr)
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是“{text}”") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是 {value}")
    return value


def _cases_search(ws: Any, args: argparse.Namespace) -> int:
    from datetime import date

    from workstation.domain.errors import ValidationError
    from workstation.services.history import HistoryFilter

    def day(text: str | None) -> date | None:
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"无法识别的日期：{text}（应为如 2026-11-01）") from None

    flt = HistoryFilter(args.text, day(args.first_day), day(args.last_day),
                        tuple(args.state or ()), args.source or "", args.unit or "",
                        args.category or "", args.area or "")  # fmt: skip
    actor = acting(ws, args.user) if args.user else None
    page = ws.search_cases(flt, actor, before=args.before, limit=args.limit)
    if args.json:
        json.dump([c.to_json() for c in page.cases], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for c in page.cases:
            print(f"{c.case_no}  {c.reported_at:%Y-%m-%d %H:%M}  {c.state_label:<4}  "
                  f"{c.category_name or '未分类':<10}  {c.unit_name or '—':<12}  "
                  f"{(c.address + ' ' + c.description).strip()[:32]}")  # fmt: skip
        more = f"（还有更多：--before {page.next_before}）" if page.more else ""
        print(f"共列出 {len(page.cases)} 件{more}", file=sys.stderr)
    return 0


def _evaluate(ws: Any, args: argparse.Namespace) -> int:
    from workstation import cli_evaluate

    return cli_evaluate.run(ws, args, _instant(args.at))


def _targets(ws: Any, args: argparse.Namespace) -> int:
    from workstation import cli_evaluate

    return cli_evaluate.run_targets(ws, args, _instant(args.at))


def _instant(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"无法识别的时刻：{text!r}（应为 ISO 格式，如 2026-11-02T09:30）"
        ) from None
    if at.tzinfo is not None:
        raise ValueError(f"时刻必须是不带时区的北京时间：{text}")
    return at


def _clock_json(ws: Any, summary: Any, at: datetime) -> dict[str, Any] | None:
    from workstation.domain.clock import read_clock

    reading = read_clock(summary, ws.reference.calendar, at)
    return reading.to_json() if reading is not None else None


def _print_detail(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    print(f"案件 {data['case_no']}（ID {data['id']}，版本 {data['version']}）"
          f"  {data['state_label']}")  # fmt: skip
    for key in ("category_name", "grid_code", "street_name", "community_name", "address",
                "description", "unit_name", "deadline"):  # fmt: skip
        print(f"  {key}: {data.get(key) or '—'}")
    print("  事件：")
    for e in data["events"]:
        who = f"{e['actor_name']}（{e['role_label']}）"
        move = f"{e['from_state'] or ''}→{e['to_state']}"
        print(f"    {e['seq']:>3} {e['at']} {e['action_label']:<8} {who} {move} {e['note']}")
    if data.get("allowed_actions"):
        print("  可执行操作：" + ", ".join(data["allowed_actions"]))


def _case_act(ws: Any, args: argparse.Namespace) -> int:
    actor = acting(ws, args.user)
    params: dict[str, Any] = {}
    for option, key in ACTION_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            params[key] = value
    if args.confirmed is not None:
        params["confirmed"] = args.confirmed == "yes"
    case_id = ws.resolve(args.id)
    at = _scenario_time(ws, args.at, case_id)
    summary = ws.act(actor, case_id, args.action, params,
                     expected_version=args.expected_version, at=at)  # fmt: skip
    if args.json:
        json.dump(summary.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        done = Action(args.action).label
        line = f"案件 {summary.case_no}：{done}成功，状态『{summary.state_label}』"
        if args.action == "dispatch" and summary.deadline:
            line += f"，处置单位 {summary.unit_name}，期限 {summary.deadline:%Y-%m-%d %H:%M}"
        print(line)
    return 0


def _case_report(ws: Any, args: argparse.Namespace) -> int:
    summary = ws.report(
        acting(ws, args.user), description=args.description, source=args.source, lon=args.lon,
        lat=args.lat, grid_code=args.grid, category_code=args.category, address=args.address,
        priority=args.priority, self_handled=args.self_handled,
        at=_scenario_time(ws, args.at, None),
    )  # fmt: skip
    if args.json:
        json.dump(summary.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        grid = summary.grid_code or "未定位"
        print(f"已登记案件 {summary.case_no}（ID {summary.id}），网格 {grid}")
    return 0


def _scenario_time(ws: Any, text: str | None, case_id: int | None) -> datetime | None:
    """``--at``: an action recorded at another time, to build scenarios with known timings.

    Only on a demo or training database: on a real one the audit must say when things
    happened. A case's history stays in order: no action before its last one.
    """
    if text is None:
        return None
    if not ws.reference.is_demo:
        raise DomainError("只有演示或培训数据库允许指定操作时间（--at）")
    at = _instant(text)
    assert at is not None
    if case_id is not None:
        last = ws.load_case(case_id)[0].updated_at
        if last is not None and at < last:
            raise DomainError(
                f"操作时间 {at:%Y-%m-%d %H:%M} 早于该案件上一次操作（{last:%Y-%m-%d %H:%M}）"
            )
    return at


def _calendar_for(args: argparse.Namespace, settings: Settings) -> Any:
    """The database's calendar (office hours, overrides) when there is one to read.

    With an explicit --db or $WORKSTATION_DB that database must be usable; otherwise the
    embedded database is used if it exists, and the default calendar if it does not.
    """
    import os

    from workstation.domain.calendar import WorkCalendar
    from workstation.persistence.database import default_sqlite_path

    explicit = bool(args.db or os.environ.get("WORKSTATION_DB"))
    if not explicit and not default_sqlite_path().exists():
        return WorkCalendar()
    from workstation.bootstrap import bootstrap

    ws = bootstrap(settings)
    try:
        if not explicit and not ws.is_up_to_date():
            return WorkCalendar()
        _require_schema(ws)
        return ws.reference.calendar
    finally:
        ws.dispose()


def _calendar_add(args: argparse.Namespace, calendar: Any) -> int:
    from workstation.domain.calendar import TimeLimit

    try:
        start = datetime.fromisoformat(args.start)
    except ValueError:
        hint = "应为 ISO 格式，如 2026-09-30T17:00"
        raise ValueError(f"无法识别的起始时间：{args.start!r}（{hint}）") from None
    limit = TimeLimit.parse(args.limit)
    deadline = calendar.deadline(start, limit)
    from workstation.domain.holiday_rules import unconfirmed_year_message

    for year in sorted(calendar.unconfirmed_years(start.date(), deadline.date())):
        print(f"注意：{unconfirmed_year_message(year)}", file=sys.stderr)
    if args.json:
        print(json.dumps({"from": start.isoformat(timespec="minutes"), "limit": str(limit),
                          "deadline": deadline.isoformat(timespec="minutes")},
                         ensure_ascii=False))  # fmt: skip
    else:
        print(deadline.strftime("%Y-%m-%d %H:%M"))
    return 0
