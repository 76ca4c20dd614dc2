package com.partpal.db.application.jobs;

import java.util.List;
import java.util.Map;

/**
 * A job as it is now. Options and error are masked (no password); reportJson is the CLI's --report JSON, null until
 * the job succeeded.
 */
public record JobSnapshot(String id, String kind, String target, Map<String, String> options, JobState state,
                          String phase, List<TableProgress> tables, String error, String reportJson,
                          String submittedAt, String finishedAt) {
}
