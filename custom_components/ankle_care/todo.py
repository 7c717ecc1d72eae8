"""To-do list `prevention_exercises`: today's program, checked off as it is done.

The list is refilled from the program every day (at local midnight) and follows the
recovery phase. Checking an item off logs the exercise; unchecking it removes the
exercise logged for it today. Items are named and described in Home Assistant's
language (`texts.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.components.todo import TodoItem, TodoListEntity
from homeassistant.components.todo.const import TodoItemStatus, TodoListEntityFeature
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import AnkleCareCoordinator
from .door import RunnerDoor, invalid_input
from .entity import AnkleCareEntity
from .runtime import AnkleCareConfigEntry
from .texts import async_on_texts_loaded, cached_texts, exercise_name

PARALLEL_UPDATES = 0

DESCRIPTION = EntityDescription(
    key="prevention_exercises", translation_key="prevention_exercises"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnkleCareConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the runner's prevention to-do list."""
    runtime = entry.runtime_data
    async_add_entities(
        [PreventionExercisesTodo(runtime.coordinator, DESCRIPTION, runtime.door)]
    )


def _uid(day: str, key: str) -> str:
    return f"{day}_{key}"


class PreventionExercisesTodo(AnkleCareEntity, TodoListEntity):
    """Today's prevention exercises."""

    _attr_supported_features = TodoListEntityFeature.UPDATE_TODO_ITEM

    def __init__(
        self,
        coordinator: AnkleCareCoordinator,
        description: EntityDescription,
        door: RunnerDoor,
    ) -> None:
        """Initialise with the door that logs what is checked off."""
        super().__init__(coordinator, description)
        self._door = door

    _texts_generation = 0
    _items: tuple[object, list[TodoItem]] | None = None

    async def async_added_to_hass(self) -> None:
        """Show the items anew in a new language."""
        await super().async_added_to_hass()

        @callback
        def _texts_loaded() -> None:
            self._texts_generation += 1
            self.async_write_ha_state()

        self.async_on_remove(async_on_texts_loaded(self.hass, _texts_loaded))

    def _items_key(self) -> object:
        """Return what today's items are made of: the day, what is done, the texts."""
        program = self.coordinator.data.program
        return (program.today.day, tuple(program.done.items()), self._texts_generation)

    def shown(self) -> object:
        """Return the items' makings and the attributes: items change with no count."""
        return (self._items_key(), self.extra_state_attributes)

    @property
    def todo_items(self) -> list[TodoItem]:
        """Return today's items, done or still to do (made once per change)."""
        key = self._items_key()
        if self._items is None or self._items[0] != key:
            self._items = (key, self._make_items())
        return self._items[1]

    def _make_items(self) -> list[TodoItem]:
        program = self.coordinator.data.program
        day = program.today.day.isoformat()
        texts = cached_texts(self.hass)
        return [
            TodoItem(
                uid=_uid(day, key),
                summary=exercise_name(self.hass, key),
                description=texts(f"exercise_how_{key}"),
                status=TodoItemStatus.COMPLETED
                if done
                else TodoItemStatus.NEEDS_ACTION,
            )
            for key, done in program.done.items()
        ]

    @property
    def extra_state_attributes(self) -> Mapping[str, Any]:
        """Return why the list holds what it holds, and the balance stage."""
        today = self.coordinator.data.program.today
        return {"reason": today.reason, "balance_stage": today.stage.value}

    async def async_update_todo_item(self, item: TodoItem) -> None:
        """Check an item off (logs the exercise) or uncheck it (removes it)."""
        program = self.coordinator.data.program
        day = program.today.day.isoformat()
        key = next((key for key in program.done if _uid(day, key) == item.uid), None)
        if key is None:
            raise invalid_input("todo_item_not_today", item=item.summary or item.uid)
        done = item.status == TodoItemStatus.COMPLETED
        if done and not program.done[key]:
            await self._door.async_log_exercise(key)
        elif not done and program.done[key]:
            await self._door.async_unlog_exercise_today(key)
