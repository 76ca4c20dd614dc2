package com.partpal.db.adapters.http.schedule;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One scheduled backup, from the properties {@code partpal.schedules.<name>.cron} (Micronaut cron, in UTC: seconds
 * minutes hours day-of-month month day-of-week), {@code .database} (a PostgreSQL URL or SQLite file), {@code .directory}
 * (the catalogue; default like the CLI's), {@code .keep-last} and {@code .keep-days} (retention applied after each
 * backup, like backup --keep-last / --retention-days).
 */
@EachProperty("partpal.schedules")
public final class BackupSchedule {
    private final String name;
    private String cron;
    private String database;
    private String directory;
    private Integer keepLast;
    private Integer keepDays;

    public BackupSchedule(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public Integer getKeepLast() {
        return keepLast;
    }

    public void setKeepLast(Integer keepLast) {
        this.keepLast = keepLast;
    }

    public Integer getKeepDays() {
        return keepDays;
    }

    public void setKeepDays(Integer keepDays) {
        this.keepDays = keepDays;
    }
}
