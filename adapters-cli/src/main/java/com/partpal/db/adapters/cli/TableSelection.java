package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.prisma.PrismaSchemaFile;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.value.EpochUnit;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The options that shape the plan, shared by migrate, plan and verify. */
final class TableSelection {
    @Option(names = "--json-columns", split = ",", paramLabel = "TABLE.COLUMN",
            description = "Columns to migrate as jsonb although not declared JSON (e.g. parts.images).")
    List<String> jsonColumns = new ArrayList<>();

    @Option(names = "--tables", split = ",", paramLabel = "TABLE", description = "Only these tables.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "TABLE", description = "All tables but these.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--epoch-unit", split = ",", paramLabel = "TABLE.COLUMN=s|ms",
            description = "Read the integers of these date/time columns as epoch seconds (s) or milliseconds (ms),"
                    + " whatever the plan would choose (Prisma-made DATETIME: ms; elsewhere ms from 100000000000 up).")
    List<String> epochUnits = new ArrayList<>();

    @Option(names = "--prisma-schema", paramLabel = "FILE",
            description = "The app's schema.prisma: the target gets the types, enum types and defaults Prisma's"
                    + " PostgreSQL provider creates, and the source is read as Prisma-made.")
    Path prismaSchema;

    PlanOptions toOptions() {
        Map<String, EpochUnit> units = new LinkedHashMap<>();
        for (String entry : epochUnits) {
            int equals = entry.lastIndexOf('=');
            EpochUnit unit = equals < 0 ? null : EpochUnit.parse(entry.substring(equals + 1).trim());
            if (unit == null) {
                throw new BadInputException("--epoch-unit " + entry + ": write table.column=s or table.column=ms");
            }
            units.put(entry.substring(0, equals).trim(), unit);
        }
        return new PlanOptions(new LinkedHashSet<>(jsonColumns), List.copyOf(tables), List.copyOf(exclude), units,
                prismaSchema == null ? null : PrismaSchemaFile.read(prismaSchema));
    }
}
