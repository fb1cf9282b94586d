"""People and roles: desktop accounts, field supervisors and the acting identity of an action."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    ACCEPTOR = "acceptor"  # 受理员
    LEADER = "leader"  # 值班长
    DISPATCHER = "dispatcher"  # 派遣员
    UNIT = "unit"  # 处置单位
    ADMIN = "admin"  # 管理员
    SUPERVISOR = "supervisor"  # 监督员 (mobile app, arrives through intake)

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ACCEPTOR: "受理员",
    Role.LEADER: "值班长",
    Role.DISPATCHER: "派遣员",
    Role.UNIT: "处置单位",
    Role.ADMIN: "管理员",
    Role.SUPERVISOR: "监督员",
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs an action: recorded on every case event."""

    username: str
    role: Role
    display_name: str = ""
    unit_code: str | None = None  # set for handling-unit staff

    @property
    def name(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True, slots=True)
class Account:
    """A desktop login. The password is stored only as a salted hash."""

    username: str
    display_name: str
    role: Role
    unit_code: str | None = None
    active: bool = True

    def as_actor(self) -> Actor:
        return Actor(self.username, self.role, self.display_name, self.unit_code)


class SupervisorStatus(enum.StrEnum):
    PATROLLING = "patrolling"  # 巡查中
    ON_TASK = "on_task"  # 核实/核查中
    OFFLINE = "offline"  # 离线
    RESTING = "resting"  # 休息


@dataclass(frozen=True, slots=True)
class Supervisor:
    """A field supervisor (监督员) who patrols a set of unit grid cells."""

    code: str  # e.g. "JDY001"
    name: str
    phone: str
    street_code: str
    patrol_cells: tuple[str, ...]

    @property
    def username(self) -> str:
        return self.code.lower()
