package com.partpal.db.adapters.cli.prisma;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.prisma.PrismaEnum;
import com.partpal.db.domain.prisma.PrismaField;
import com.partpal.db.domain.prisma.PrismaModel;
import com.partpal.db.domain.prisma.PrismaRelation;
import com.partpal.db.domain.prisma.PrismaSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the models and enums of a schema.prisma text (Prisma Schema Language): fields with their type, ? and [],
 * and the attributes that shape the database (@id, @unique, @default, @updatedAt, @map, @db.*, @relation; @@id,
 * @@unique, @@index, @@map). Comments, datasource and generator blocks are skipped. No Prisma tool reads it for us:
 * the Prisma CLI needs engines downloaded at run time, which a migration host may not reach.
 */
public final class PrismaSchemaParser {
    private PrismaSchemaParser() {
    }

    private record Block(String keyword, String name, List<String> lines, int line) {
    }

    public static PrismaSchema parse(String text, String source) {
        List<Block> blocks = blocks(stripComments(text), source);
        Set<String> modelNames = new HashSet<>();
        blocks.stream().filter(b -> b.keyword().equals("model") || b.keyword().equals("view"))
                .forEach(b -> modelNames.add(b.name()));
        List<PrismaModel> models = new ArrayList<>();
        List<PrismaEnum> enums = new ArrayList<>();
        for (Block block : blocks) {
            switch (block.keyword()) {
                case "model" -> models.add(model(block, modelNames, source));
                case "enum" -> enums.add(enumOf(block));
                default -> {
                }
            }
        }
        return new PrismaSchema(models, enums);
    }

    private static PrismaModel model(Block block, Set<String> modelNames, String source) {
        List<PrismaField> fields = new ArrayList<>();
        String dbName = null;
        List<String> id = List.of();
        List<List<String>> uniques = new ArrayList<>();
        List<List<String>> indexes = new ArrayList<>();
        Map<String, String> mapNames = new HashMap<>();
        for (String line : block.lines()) {
            if (line.startsWith("@@")) {
                PslAttribute attribute = PslAttribute.parseAll(line).get(0);
                String fieldsArgument = attribute.arguments() == null ? null : attribute.named("fields");
                List<String> fieldList = PslAttribute.fieldList(fieldsArgument != null ? fieldsArgument
                        : attribute.firstArgument());
                switch (attribute.name()) {
                    case "@@map" -> dbName = PslAttribute.string(attribute.firstArgument());
                    case "@@id" -> {
                        id = fieldList;
                        putMap(mapNames, PrismaModel.PRIMARY_KEY, attribute);
                    }
                    case "@@unique" -> {
                        uniques.add(fieldList);
                        putMap(mapNames, "key:" + String.join(",", fieldList), attribute);
                    }
                    case "@@index" -> {
                        indexes.add(fieldList);
                        putMap(mapNames, "idx:" + String.join(",", fieldList), attribute);
                    }
                    default -> {
                    }
                }
                continue;
            }
            fields.add(field(line, modelNames, block, source, mapNames));
        }
        return new PrismaModel(block.name(), dbName, fields, id, uniques, indexes, mapNames);
    }

    /** Records the attribute's map: argument (the database name of its constraint or index), if it has one. */
    private static void putMap(Map<String, String> mapNames, String key, PslAttribute attribute) {
        String map = attribute.arguments() == null ? null : attribute.named("map");
        if (map != null) {
            mapNames.put(key, PslAttribute.string(map));
        }
    }

    private static PrismaField field(String line, Set<String> modelNames, Block block, String source,
                                     Map<String, String> mapNames) {
        int nameEnd = wordEnd(line, 0);
        String name = line.substring(0, nameEnd);
        int typeStart = skipSpace(line, nameEnd);
        int typeEnd = typeStart;
        while (typeEnd < line.length() && !Character.isWhitespace(line.charAt(typeEnd)) && line.charAt(typeEnd) != '@') {
            typeEnd = line.charAt(typeEnd) == '(' ? PslAttribute.closing(line, typeEnd) + 1 : typeEnd + 1;
        }
        if (name.isEmpty() || typeEnd == typeStart) {
            throw new BadInputException(source + ": cannot read the field '" + line + "' of " + block.keyword() + " "
                    + block.name());
        }
        String type = line.substring(typeStart, typeEnd);
        boolean optional = type.endsWith("?");
        boolean list = type.endsWith("[]");
        type = optional ? type.substring(0, type.length() - 1) : list ? type.substring(0, type.length() - 2) : type;
        String dbName = null;
        String nativeType = null;
        String defaultValue = null;
        boolean id = false;
        boolean unique = false;
        boolean updatedAt = false;
        PrismaRelation foreignKey = null;
        for (PslAttribute attribute : PslAttribute.parseAll(line.substring(typeEnd))) {
            switch (attribute.name()) {
                case "@id" -> {
                    id = true;
                    putMap(mapNames, PrismaModel.PRIMARY_KEY, attribute);
                }
                case "@unique" -> {
                    unique = true;
                    putMap(mapNames, "key:" + name, attribute);
                }
                case "@updatedAt" -> updatedAt = true;
                case "@map" -> dbName = PslAttribute.string(attribute.firstArgument());
                case "@default" -> defaultValue = attribute.firstArgument();
                case "@relation" -> {
                    foreignKey = relation(attribute);
                    if (foreignKey != null) {
                        putMap(mapNames, "fkey:" + String.join(",", foreignKey.fields()), attribute);
                    }
                }
                default -> {
                    if (attribute.name().startsWith("@db.")) {
                        nativeType = attribute.name().substring(4) + (attribute.arguments() == null ? ""
                                : "(" + attribute.arguments() + ")");
                    }
                }
            }
        }
        return new PrismaField(name, type, optional, list, dbName, id, unique, nativeType, defaultValue, updatedAt,
                modelNames.contains(type), foreignKey);
    }

    /** The foreign key side of a @relation (it names fields), else null. */
    private static PrismaRelation relation(PslAttribute attribute) {
        String fields = attribute.named("fields");
        if (fields == null) {
            return null;
        }
        return new PrismaRelation(PslAttribute.fieldList(fields), PslAttribute.fieldList(attribute.named("references")),
                attribute.named("onDelete"), attribute.named("onUpdate"));
    }

    private static PrismaEnum enumOf(Block block) {
        String dbName = null;
        List<String> values = new ArrayList<>();
        for (String line : block.lines()) {
            if (line.startsWith("@@")) {
                PslAttribute attribute = PslAttribute.parseAll(line).get(0);
                if (attribute.name().equals("@@map")) {
                    dbName = PslAttribute.string(attribute.firstArgument());
                }
                continue;
            }
            int end = wordEnd(line, 0);
            String value = line.substring(0, end);
            for (PslAttribute attribute : PslAttribute.parseAll(line.substring(end))) {
                if (attribute.name().equals("@map")) {
                    value = PslAttribute.string(attribute.firstArgument());
                }
            }
            values.add(value);
        }
        return new PrismaEnum(block.name(), dbName, values);
    }

    /** The top-level blocks ("keyword Name { ... }") with their non-empty lines, trimmed. */
    private static List<Block> blocks(String text, String source) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int open = line.indexOf('{');
            String[] head = (open < 0 ? line : line.substring(0, open)).strip().split("\\s+");
            if (open < 0 || head.length < 1) {
                throw new BadInputException(source + " line " + (i + 1) + ": expected a block such as"
                        + " 'model Name {', found '" + line + "'");
            }
            List<String> body = new ArrayList<>();
            int start = i;
            String rest = line.substring(open + 1).strip();
            while (!rest.startsWith("}")) {
                if (!rest.isEmpty()) {
                    body.add(rest);
                }
                if (++i >= lines.length) {
                    throw new BadInputException(source + " line " + (start + 1) + ": the block '" + line
                            + "' is not closed");
                }
                rest = lines[i].strip();
            }
            blocks.add(new Block(head[0], head.length > 1 ? head[1] : "", body, start + 1));
        }
        return blocks;
    }

    /** The text without // comments (strings kept). */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int wordEnd(String line, int from) {
        int i = from;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
