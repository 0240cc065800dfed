"""Tasks between gatherings (oppgaver til neste samling), per network or unit, with due date and status.

A task is overdue when it is still open and its due date is before today.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, select

from ..enums import TaskStatus
from ..errors import DomainError
from ..i18n import _
from ..models import Gathering, LearningNetwork, Municipality, Task, TaskCreate, TaskRead, TaskUpdate, Unit
from ..store import Store
from ..validation import validated
from .common import apply_update, require


class TaskItem(TaskRead):
    """A task as lists show it: with `overdue` worked out for the day asked about."""

    overdue: bool = False


def is_overdue(status: str, due_date: date | None, today: date) -> bool:
    return status == TaskStatus.OPEN and due_date is not None and due_date < today


def _missing() -> str:
    return _("Fant ikke oppgaven.")


def _check_links(session: Session, municipality_id: uuid.UUID, task: Task) -> None:
    """A task belongs to a network or a unit (or both) of the same municipality."""
    if task.network_id is None and task.unit_id is None:
        raise DomainError(_("Velg et nettverk eller en enhet for oppgaven."), field="network_id")
    for model, key, field in ((LearningNetwork, task.network_id, "network_id"), (Unit, task.unit_id, "unit_id"),
                              (Gathering, task.gathering_id, "gathering_id")):
        if key is not None:
            row = session.get(model, key)
            if row is None or row.municipality_id != municipality_id:
                raise DomainError(_("Fant ikke det valgte nettverket, enheten eller samlingen i kommunen."),
                                  field=field)


def insert_task(session: Session, municipality_id: uuid.UUID, task: TaskCreate) -> Task:
    """Check and add one validated task inside the caller's transaction."""
    row = Task.model_validate(task, update={"municipality_id": municipality_id})
    _check_links(session, municipality_id, row)
    session.add(row)
    return row


def add_task(store: Store, municipality_id: uuid.UUID, task: TaskCreate | dict) -> TaskRead:
    task = validated(TaskCreate, task)
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        row = insert_task(session, municipality_id, task)
        session.flush()
        return TaskRead.model_validate(row)


def update_task(store: Store, task_id: uuid.UUID, changes: TaskUpdate | dict) -> TaskRead:
    with store.transaction() as session:
        row = require(session, Task, task_id, _missing())
        apply_update(row, changes, TaskUpdate, TaskCreate)
        _check_links(session, row.municipality_id, row)
        session.flush()
        return TaskRead.model_validate(row)


def set_task_status(store: Store, task_id: uuid.UUID, status: TaskStatus) -> TaskRead:
    return update_task(store, task_id, {"status": status})


def delete_task(store: Store, task_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.delete(require(session, Task, task_id, _missing()))


def list_tasks(store: Store, municipality_id: uuid.UUID, *, today: date, network_id: uuid.UUID | None = None,
               unit_id: uuid.UUID | None = None, status: TaskStatus | None = None,
               overdue_only: bool = False) -> list[TaskItem]:
    """Tasks by due date (those without one last), each marked overdue if open and due before `today`."""
    query = select(Task).where(Task.municipality_id == municipality_id)
    if network_id is not None:
        query = query.where(Task.network_id == network_id)
    if unit_id is not None:
        query = query.where(Task.unit_id == unit_id)
    if status is not None:
        query = query.where(Task.status == TaskStatus(status).value)
    if overdue_only:
        query = query.where(Task.status == TaskStatus.OPEN.value, Task.due_date < today)
    query = query.order_by(Task.due_date.is_(None), Task.due_date, Task.title)
    with store.reader() as session:
        return [TaskItem.model_validate(row, update={"overdue": is_overdue(row.status, row.due_date, today)})
                for row in session.exec(query).all()]
