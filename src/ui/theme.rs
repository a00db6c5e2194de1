//! The look: text sizes, spacing and the few colours the program sets itself, in one place.

use egui::{Color32, FontId, TextStyle, Visuals};

/// Sets the program's style on `ctx`: light unless the system asks for dark, and text a
/// little larger than egui's default, for long days of office work.
pub fn apply(ctx: &egui::Context) {
    ctx.options_mut(|options| options.fallback_theme = egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(11.5)),
            (TextStyle::Body, FontId::proportional(14.0)),
            (TextStyle::Button, FontId::proportional(14.0)),
            (TextStyle::Heading, FontId::proportional(20.0)),
            (TextStyle::Monospace, FontId::monospace(13.0)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 24.0;
    });
    // The export font as a fallback, so signs egui's own fonts lack (↑ ↓ → ×, used by the
    // risk/value matrix and trend arrows) show on screen as they print.
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "Liberation Sans (export font)",
        egui::FontData::from_static(crate::export::text::REGULAR_FONT),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Lowest,
        }],
    ));
}

/// Colours of a message box: background, border, text.
#[derive(Clone, Copy, Debug)]
pub struct MessageColours {
    /// Background.
    pub fill: Color32,
    /// Border.
    pub stroke: Color32,
    /// Text.
    pub text: Color32,
}

/// An error message's colours.
pub fn error_colours(visuals: &Visuals) -> MessageColours {
    if visuals.dark_mode {
        MessageColours {
            fill: Color32::from_rgb(0x4a, 0x1c, 0x1c),
            stroke: Color32::from_rgb(0xc0, 0x50, 0x50),
            text: Color32::from_rgb(0xff, 0xdc, 0xdc),
        }
    } else {
        MessageColours {
            fill: Color32::from_rgb(0xfd, 0xec, 0xec),
            stroke: Color32::from_rgb(0xc6, 0x28, 0x28),
            text: Color32::from_rgb(0x8a, 0x14, 0x14),
        }
    }
}

/// A notice's colours.
pub fn notice_colours(visuals: &Visuals) -> MessageColours {
    if visuals.dark_mode {
        MessageColours {
            fill: Color32::from_rgb(0x1c, 0x33, 0x4a),
            stroke: Color32::from_rgb(0x4a, 0x8a, 0xc8),
            text: Color32::from_rgb(0xdc, 0xec, 0xff),
        }
    } else {
        MessageColours {
            fill: Color32::from_rgb(0xe8, 0xf1, 0xfb),
            stroke: Color32::from_rgb(0x1d, 0x5f, 0xa8),
            text: Color32::from_rgb(0x0f, 0x3a, 0x6b),
        }
    }
}

/// The colour of an invalid value's reason, shown under the field.
pub fn invalid_text_colour(visuals: &Visuals) -> Color32 {
    error_colours(visuals).stroke
}

/// Quieter text (counts, hints).
pub fn weak_text_colour(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Text that reports something done or better ("Saved", a trend for the better): a dark green
/// that keeps its contrast on the light background.
pub fn good_text_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x7f, 0xd3, 0x8f)
    } else {
        Color32::from_rgb(0x1b, 0x78, 0x37)
    }
}
