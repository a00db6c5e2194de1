//! The table's keys when no text field has the keyboard: Ctrl+F, Ctrl+N, Delete, Enter,
//! arrows, Tab and Shift+Tab, Ctrl+A, Ctrl+C and Ctrl+V (as egui's copy and paste events).

use egui::{Event, Key, Modifiers};

use super::{TableViewOptions, TableViewState};
use crate::model::Entity;
use crate::tables::TableSpec;
use crate::ui::CommandQueue;
use crate::ui::PanelContext;

pub(crate) fn table_keys<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
    options: &mut TableViewOptions<'_>,
    commands: &mut CommandQueue,
) {
    let ctx = ui.ctx().clone();
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F)) {
        state.focus_filter = true;
    }
    let window_open = state.paste.is_some() || state.confirm_delete.is_some();
    if !window_open && state.editing.is_none() && !state.keys_blocked {
        tab_between_cells(&ctx, state, shown, options);
    }
    if window_open
        || state.editing.is_some()
        || state.keys_blocked
        || ctx.egui_wants_keyboard_input()
    {
        return;
    }
    let editable = !context.read_only;
    if editable && ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::N)) {
        super::add_row(context, spec, state, options, commands);
    }
    if editable && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete)) {
        super::ask_to_delete(context, spec, state);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::A)) {
        state.selected = state.rows.visible_keys().into_iter().collect();
    }
    let (copy, paste) = ctx.input(|i| {
        let copy = i.events.iter().any(|e| {
            matches!(e, Event::Copy)
                || matches!(e, Event::Key { key: Key::C, pressed: true, modifiers, .. } if modifiers.command)
        });
        let paste = i.events.iter().find_map(|e| match e {
            Event::Paste(text) => Some(text.clone()),
            _ => None,
        });
        (copy, paste)
    });
    if copy {
        super::copy_rows(&ctx, context, spec, state, shown);
    }
    if let Some(text) = paste
        && editable
    {
        super::open_paste(state, Some(text));
    }
    // Moving the current cell.
    let visible = state.rows.visible_len();
    if visible == 0 {
        return;
    }
    let position = state
        .cursor
        .and_then(|(key, _)| state.rows.visible_position(key));
    let column = state.cursor.map_or(0, |(_, c)| c);
    let step = ctx.input(|i| {
        if i.key_pressed(Key::ArrowDown) {
            Some(1isize)
        } else if i.key_pressed(Key::ArrowUp) {
            Some(-1)
        } else {
            None
        }
    });
    if let Some(step) = step {
        let next = match position {
            Some(p) => p.saturating_add_signed(step).min(visible - 1),
            None => 0,
        };
        if let Some(key) = state.rows.visible_key(next) {
            state.cursor = Some((key, column));
            state.selected = [key].into_iter().collect();
            state.anchor = Some(next);
            state.scroll_to = Some(next);
            if let Some(p) = state.rows.visible_partnership(next) {
                *options.current = Some(p);
            }
        }
    }
    let sideways = ctx.input(|i| {
        if i.key_pressed(Key::ArrowRight) {
            Some(true)
        } else if i.key_pressed(Key::ArrowLeft) {
            Some(false)
        } else {
            None
        }
    });
    if let (Some(forward), Some((key, col))) = (sideways, state.cursor) {
        state.cursor = Some((key, next_shown_column(shown, col, forward)));
    }
    if editable
        && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        && let Some((key, col)) = state.cursor
    {
        super::cell_editor::start_editing(context, spec, state, key, col);
    }
}

/// Tab and Shift+Tab move the current cell to the next or previous shown column, on to the
/// next or previous row at the ends, when nothing had the keyboard. egui has already handed
/// the keyboard to the first widget on screen for that Tab this frame: the table takes it back.
fn tab_between_cells<K: Copy + Ord>(
    ctx: &egui::Context,
    state: &mut TableViewState<K>,
    shown: &[bool],
    options: &mut TableViewOptions<'_>,
) {
    let back = ctx.input(|i| {
        i.events.iter().find_map(|e| match e {
            Event::Key {
                key: Key::Tab,
                pressed: true,
                modifiers,
                ..
            } if !modifiers.command && !modifiers.alt => Some(modifiers.shift),
            _ => None,
        })
    });
    let Some(back) = back else {
        return;
    };
    let visible = state.rows.visible_len();
    let Some(first_column) = shown.iter().position(|&s| s) else {
        return;
    };
    if visible == 0 {
        return;
    }
    if let Some(taken) = ctx.memory(|m| m.focused()) {
        ctx.memory_mut(|m| m.surrender_focus(taken));
    }
    let modifiers = if back {
        Modifiers::SHIFT
    } else {
        Modifiers::NONE
    };
    ctx.input_mut(|i| i.consume_key(modifiers, Key::Tab));
    let last_column = shown.iter().rposition(|&s| s).unwrap_or(first_column);
    let here = state.cursor.and_then(|(key, column)| {
        state
            .rows
            .visible_position(key)
            .map(|position| (position, column))
    });
    let (row, column) = match here {
        None => {
            let selected = state
                .selected
                .iter()
                .find_map(|key| state.rows.visible_position(*key));
            (selected.unwrap_or(0), first_column)
        }
        Some((row, column)) => {
            let next = next_shown_column(shown, column, !back);
            if next != column {
                (row, next)
            } else if !back && row + 1 < visible {
                (row + 1, first_column)
            } else if back && row > 0 {
                (row - 1, last_column)
            } else {
                (row, column)
            }
        }
    };
    let Some(key) = state.rows.visible_key(row) else {
        return;
    };
    let moved_row = here.is_none_or(|(before, _)| before != row);
    state.cursor = Some((key, column));
    if moved_row {
        state.selected = [key].into_iter().collect();
        state.anchor = Some(row);
        state.scroll_to = Some(row);
        if let Some(p) = state.rows.visible_partnership(row) {
            *options.current = Some(p);
        }
    }
    ctx.request_repaint();
}

/// The next (or previous) shown column after `column`, staying put at the ends.
pub(crate) fn next_shown_column(shown: &[bool], column: usize, forward: bool) -> usize {
    let mut candidates: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(column + 1..shown.len())
    } else {
        Box::new((0..column).rev())
    };
    candidates.find(|&c| shown[c]).unwrap_or(column)
}
