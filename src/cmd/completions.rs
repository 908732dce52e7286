//! `align completions` and `align man`: shell completion scripts and the
//! manual page, generated from the command-line definitions in
//! [`crate::cli`], so they always list the options the binary has.

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::error::Result;
use clap::CommandFactory;

pub fn run(a: CompletionsArgs) -> Result<u8> {
    let mut cmd = Cli::command();
    crate::render::write_output(a.output.as_deref(), |w| {
        clap_complete::generate(a.shell, &mut cmd, "align", w);
        Ok(())
    })?;
    Ok(0)
}

/// The manual page: `align(1)` with a section for every subcommand.
pub fn man(a: ManArgs) -> Result<u8> {
    let cmd = Cli::command().name("align");
    crate::render::write_output(a.output.as_deref(), |w| {
        let page = clap_mangen::Man::new(cmd.clone());
        page.render_title(w)?;
        page.render_name_section(w)?;
        page.render_synopsis_section(w)?;
        page.render_description_section(w)?;
        page.render_options_section(w)?;
        page.render_subcommands_section(w)?;
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            // Each subcommand's own options, under a heading of its name.
            writeln!(w, ".SH \"ALIGN {}\"", sub.get_name().to_uppercase())?;
            let sub_page =
                clap_mangen::Man::new(sub.clone().bin_name(format!("align {}", sub.get_name())));
            sub_page.render_synopsis_section(w)?;
            sub_page.render_description_section(w)?;
            sub_page.render_options_section(w)?;
            sub_page.render_extra_section(w)?;
        }
        page.render_extra_section(w)?;
        page.render_version_section(w)?;
        page.render_authors_section(w)?;
        Ok(())
    })?;
    Ok(0)
}
