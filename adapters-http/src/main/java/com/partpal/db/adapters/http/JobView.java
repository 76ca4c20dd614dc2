package com.partpal.db.adapters.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.partpal.db.application.jobs.TableProgress;

import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it; report is the CLI's --report JSON, embedded as is. rowsDone and totalRows add up the
 * tables started so far.
 */
public record JobView(String id, String url, String kind, String target, Map<String, String> options, String state,
                      String phase, long rowsDone, long totalRows, List<TableProgress> tables, String error,
                      @JsonRawValue String report, String submittedAt, String startedAt, String finishedAt) {
}
