package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.backup.BackupCommand;
import com.partpal.db.adapters.cli.backup.BackupsCommand;
import com.partpal.db.adapters.cli.backup.RestoreCommand;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The partpal-db command line. */
@Command(name = "partpal-db", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Moves a SQLite database to PostgreSQL exactly, proves it, and keeps it safe.",
        subcommands = {MigrateCommand.class, VerifyCommand.class, PlanCommand.class, SampleCommand.class, DemoCommand.class,
                com.partpal.db.adapters.cli.bench.BenchCommand.class, com.partpal.db.adapters.cli.bench.BenchHttpCommand.class,
                BackupCommand.class, BackupsCommand.class, RestoreCommand.class,
                com.partpal.db.adapters.cli.backup.BackupBenchCommand.class, ServeCommand.class, MonitorCommand.class,
                PoolingCommand.class, TuneCommand.class, LoadTestCommand.class,
                CommandLine.HelpCommand.class})
public final class PartpalDb implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = com.partpal.db.adapters.cli.backup.DirectUrl.OPTION, paramLabel = "URL",
            scope = CommandLine.ScopeType.INHERIT, description = "The server's own URL for work PgBouncer cannot carry"
            + " (DDL, COPY, pg_dump, pg_restore) when a URL has pgbouncer=true; wins over $DIRECT_URL.")
    void directUrl(String url) {
        com.partpal.db.adapters.cli.backup.DirectUrl.fromOption(url);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        com.partpal.db.adapters.cli.backup.DirectUrl.fromOption(null);
        try (ApplicationContext context = new CommandContext().start()) {
            CommandLine commandLine = new CommandLine(PartpalDb.class, new MicronautFactory(context));
            commandLine.setExecutionExceptionHandler(new FailureHandler());
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            return commandLine.execute(args);
        }
    }
}
