package com.partpal.db.domain.prisma;

import java.util.List;

/**
 * A field's @relation(fields: [...], references: [...], onDelete: ..., onUpdate: ...): the side that holds the
 * foreign key. Actions are Prisma's words (Cascade, Restrict, NoAction, SetNull, SetDefault), or null when not given.
 */
public record PrismaRelation(List<String> fields, List<String> references, String onDelete, String onUpdate) {
    public PrismaRelation {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }
}
