"""All tables of Nettverkslogg. Importing this package registers them on `SQLModel.metadata`."""

from sqlmodel import SQLModel

from .base import IdTimestamps, ReadFields, utcnow
from .gatherings import (
    Attendance,
    AttendanceRead,
    Gathering,
    GatheringBase,
    GatheringRead,
    SessionLog,
    SessionLogBase,
    SessionLogRead,
    Task,
    TaskBase,
    TaskRead,
)
from .meta import (
    CURRENT_MUNICIPALITY_KEY,
    DATABASE_ID_KEY,
    ReportFile,
    ReportSnapshot,
    ReportSnapshotRead,
    Setting,
)
from .organisation import (
    DEFAULT_OFFER,
    LearningNetwork,
    LearningNetworkBase,
    LearningNetworkRead,
    Municipality,
    MunicipalityCreate,
    MunicipalityRead,
    MunicipalityUpdate,
    NetworkFocus,
    NetworkMember,
    Participation,
    ParticipationCreate,
    ParticipationRead,
    ResourceAssignment,
    ResourceAssignmentBase,
    ResourceAssignmentRead,
    ResourcePerson,
    ResourcePersonBase,
    ResourcePersonRead,
    Unit,
    UnitCreate,
    UnitRead,
    UnitUpdate,
)
from .plans_funds import (
    Expense,
    ExpenseBase,
    ExpenseRead,
    Grant,
    GrantBase,
    GrantRead,
    OwnFunding,
    OwnFundingBase,
    OwnFundingRead,
    Plan,
    PlanRead,
    PlanVersion,
    PlanVersionRead,
)
from .vignettes import (
    Code,
    Codebook,
    CodebookRead,
    CodeRead,
    Coding,
    CodingRead,
    Response,
    ResponseBase,
    ResponseRead,
    Vignette,
    VignetteRead,
    VignetteSession,
    VignetteSessionBase,
    VignetteSessionRead,
    VignetteVersion,
    VignetteVersionRead,
)

metadata = SQLModel.metadata

__all__ = [name for name in dir() if not name.startswith("_")]
