//! The partnership record pane's size, as the user last dragged it, kept in the settings so
//! the split between the table and the record is where they left it next time.

use super::AtlasApp;
use crate::ui::PaneSizes;

impl AtlasApp {
    /// The pane's sizes from the settings, for the first frame.
    pub(super) fn restore_record_pane(&mut self) {
        self.ui_state.partnerships.pane = PaneSizes {
            below: self.settings.record_pane_below,
            beside: self.settings.record_pane_beside,
        };
    }

    /// Saves the pane's size when the user has finished dragging it (not on every frame of
    /// the drag).
    pub(super) fn remember_record_pane(&mut self, ctx: &egui::Context) {
        if ctx.input(|input| input.pointer.any_down()) {
            return;
        }
        let pane = self.ui_state.partnerships.pane;
        let changed = |stored: Option<f32>, now: Option<f32>| {
            now.is_some_and(|now| stored.is_none_or(|stored| (stored - now).abs() >= 1.0))
        };
        let below = changed(self.settings.record_pane_below, pane.below);
        let beside = changed(self.settings.record_pane_beside, pane.beside);
        if !(below || beside) {
            return;
        }
        if below {
            self.settings.record_pane_below = pane.below;
        }
        if beside {
            self.settings.record_pane_beside = pane.beside;
        }
        self.save_settings();
    }
}
