package dev.tack.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -V, --version} belongs to {@code tack} alone. Commands declare
 * {@code mixinStandardHelpOptions = true} for their {@code -h, --help}, which brings the version
 * option too; it is taken out of every subcommand here, so their help (and man pages) do not list it.
 * Runs as the root's model transformer (the whole tree, as the generators build it) and on the lean
 * tree {@link TackCommand#commandLine} builds.
 */
final class RootVersionOnly implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec root) {
        for (CommandLine sub : root.subcommands().values()) {
            strip(sub.getCommandSpec());
        }
        return root;
    }

    static void strip(CommandSpec spec) {
        List<OptionSpec> versions = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.versionHelp()) {
                versions.add(option);
            }
        }
        versions.forEach(spec::remove);
        for (CommandLine sub : spec.subcommands().values()) {
            strip(sub.getCommandSpec());
        }
    }
}
