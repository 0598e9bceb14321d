"""Undo/redo as thin adapters: each QUndoCommand hands one core command to the writer thread.

``redo()`` queues ``store.apply(cmd)`` and ``undo()`` queues ``store.revert(cmd)`` on the runner's single
writer, so edits, undos and redos reach the database in exactly the order the stack issued them, and
the GUI never waits on SQLite. The core command keeps its own before/after images (it is only ever
touched by the writer thread). Several edits made as one gesture are children of one QUndoCommand,
which Qt redoes in order and undoes in reverse: one undo step.

When a write fails (a validation or conflict error), the error is shown once per step (the other
parts of a step fail for the same reason), the parts of the step that did apply are reverted and the
step is dropped from the stack, so the stack never claims an edit the database does not have.

A read-only project takes no edit: ``push`` refuses it with a message instead of failing later.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..core.commands import Change, Command
from .errors import show_error
from .tasks import TaskContext, TaskRunner

READ_ONLY_MESSAGE = "This project is open read-only: changes cannot be saved."


class StoreCommand(QUndoCommand):
    """One core command on the undo stack."""

    def __init__(
        self,
        session: EditSession,
        core: Command,
        text: str = "",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text or core.label(), parent)
        self.session = session
        self.core = core
        self.failed = False
        self.reported = False  # a failure of this step was shown (once for all its parts)
        self.root: StoreCommand | MacroCommand = self  # the step on the stack this is part of

    def redo(self) -> None:
        if not self.failed:
            self.session._submit(self, "apply")

    def undo(self) -> None:
        if not self.failed:
            self.session._submit(self, "revert")


class MacroCommand(QUndoCommand):
    """Several StoreCommands as one step. Holds its children: Qt redoes them in order and undoes them
    in reverse, calling their Python overrides, so their wrappers must stay alive."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parts: list[StoreCommand] = []
        self.reported = False  # a failure of one of its parts was shown


class EditSession(QObject):
    """The window's undo stack plus the plumbing that runs its commands on the writer."""

    # (core Change, core command, "apply" | "revert"), on the GUI thread, after each write
    changed = Signal(object, object, str)
    write_failed = Signal(str)  # the user-facing message
    write_refused = Signal(str)  # nothing was tried: the project is read-only
    idle_changed = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        error_parent: QWidget | None = None,
        readonly: bool = False,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.stack = QUndoStack(self)
        self._in_flight = 0
        self.error_parent = error_parent
        self.readonly = readonly

    # ---- pushing ----
    def push(self, core: Command, text: str = "") -> StoreCommand | None:
        """Do ``core`` now (on the writer) as one undo step; None when the project is read-only."""
        if self._refused():
            return None
        cmd = StoreCommand(self, core, text)
        self.stack.push(cmd)
        return cmd

    def push_many(self, cores: Sequence[Command], text: str) -> QUndoCommand | None:
        """Do several core commands as ONE undo step (an edit that changed several fields)."""
        cores = list(cores)
        if not cores or self._refused():
            return None
        if len(cores) == 1:
            return self.push(cores[0], text)
        parent = MacroCommand(text)
        for core in cores:
            child = StoreCommand(self, core, parent=parent)
            child.root = parent
            parent.parts.append(child)
        self.stack.push(parent)
        return parent

    def is_idle(self) -> bool:
        return self._in_flight == 0

    def _refused(self) -> bool:
        if self.readonly:
            self.write_refused.emit(READ_ONLY_MESSAGE)
        return self.readonly

    # ---- the writer ----
    def _submit(self, cmd: StoreCommand, direction: str) -> None:
        self._in_flight += 1
        if self._in_flight == 1:
            self.idle_changed.emit(False)
        self.runner.write(
            functools.partial(_run_core, cmd.core, direction),
            name=f"{direction} {type(cmd.core).__name__}",
            on_done=functools.partial(self._done, cmd, direction),
            on_error=functools.partial(self._failed, cmd, direction),
            on_cancel=self._ended,
            cancellable=False,  # an edit the user made is never dropped, even at shutdown
        )

    def _ended(self) -> None:
        self._in_flight -= 1
        if self._in_flight == 0:
            self.idle_changed.emit(True)

    def _done(self, cmd: StoreCommand, direction: str, change: Change) -> None:
        self._ended()
        self.changed.emit(change, cmd.core, direction)

    def _failed(self, cmd: StoreCommand, direction: str, exc: BaseException) -> None:
        cmd.failed = True
        root = cmd.root
        # The parts of one step queued behind the failed one fail for the same reason: one message.
        first = not root.reported
        root.reported = True
        if shiboken6.isValid(root):  # a sibling's failure may already have dropped the step
            top = self.stack.command(self.stack.index() - 1) if self.stack.index() > 0 else None
            if direction == "apply" and top is root:
                # Undo the step (siblings that applied revert; the failed part is a no-op), then
                # drop it: Qt deletes an obsolete command on redo() without running it.
                self.stack.undo()
                root.setObsolete(True)
                self.stack.redo()
            else:
                root.setObsolete(True)  # Qt drops it, unrun, the next time undo/redo reaches it
        self._ended()
        if not first:
            return
        box = show_error(self.error_parent, exc)
        message = box.text() if box is not None else str(exc)
        self.write_failed.emit(message)


def _run_core(core: Command, direction: str, ctx: TaskContext) -> Change:
    store = ctx.store
    return store.apply(core) if direction == "apply" else store.revert(core)
