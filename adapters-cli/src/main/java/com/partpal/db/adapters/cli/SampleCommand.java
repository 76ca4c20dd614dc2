package com.partpal.db.adapters.cli;

import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.domain.BadInputException;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Writes a SQLite database with the PartPal schema and realistic, deterministic data.")
final class SampleCommand implements Callable<Integer> {
    private final SampleDataWriter writer;

    @Inject
    SampleCommand(SampleDataWriter writer) {
        this.writer = writer;
    }

    @Parameters(paramLabel = "OUT.db", description = "The SQLite file to write.")
    Path out;

    @Option(names = "--rows", defaultValue = "10000", description = "Rows in the largest tables (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--dirty", description = "Plant a few bad values so the rejects path is visible.")
    boolean dirty;

    @Option(names = "--force", description = "Overwrite OUT.db if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new BadInputException("--rows must be at least 1");
        }
        if (Files.exists(out) && !force) {
            throw new BadInputException(out + " already exists (use --force to overwrite it)");
        }
        Files.deleteIfExists(out);
        writer.write(out, rows, dirty);
        System.out.println("wrote " + out.toAbsolutePath().normalize() + (dirty ? " (with planted bad values)" : ""));
        return 0;
    }
}
