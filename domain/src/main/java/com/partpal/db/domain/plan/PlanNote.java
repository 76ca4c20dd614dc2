package com.partpal.db.domain.plan;

/**
 * A choice the plan made about a schema object that PostgreSQL cannot take as the source has it: shown by plan and
 * migrate --dry-run before anything is written, and listed in the report.
 *
 * @param kind   what was decided about: "name", "foreign key", "collation", "check", "view", ...
 * @param object the object as the source names it ("table.column", a constraint name, ...)
 * @param action what migrate does with it ("renamed to x", "not created", "merged into x", ...)
 * @param reason why, in a few words; null when the action says it all
 */
public record PlanNote(String kind, String object, String action, String reason) {
    public String text() {
        return kind + " " + object + ": " + action + (reason == null ? "" : " (" + reason + ")");
    }
}
