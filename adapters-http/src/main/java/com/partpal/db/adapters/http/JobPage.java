package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.domain.BadInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * One page of the jobs list, oldest first: at most {@code limit} jobs after the cursor. A cursor is the position of
 * the last job of the previous page (its submission time and id, encoded), so a page stays right when jobs are added
 * or dropped by retention in between.
 */
record JobPage(List<JobSnapshot> jobs, String nextCursor) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Comparator<JobSnapshot> ORDER =
            Comparator.comparing(JobSnapshot::submittedAt).thenComparing(JobSnapshot::id);

    static JobPage of(List<JobSnapshot> all, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadInputException("'limit' must be from 1 to " + MAX_LIMIT);
        }
        String[] after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        List<JobSnapshot> rest = all.stream().sorted(ORDER)
                .filter(j -> after == null || compare(j, after) > 0).toList();
        List<JobSnapshot> page = rest.subList(0, Math.min(size, rest.size()));
        String next = rest.size() > page.size() ? encode(page.get(page.size() - 1)) : null;
        return new JobPage(page, next);
    }

    private static int compare(JobSnapshot job, String[] position) {
        int byTime = job.submittedAt().compareTo(position[0]);
        return byTime != 0 ? byTime : job.id().compareTo(position[1]);
    }

    private static String encode(JobSnapshot job) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((job.submittedAt() + " " + job.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(" ", 2);
            if (parts.length == 2) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadInputException("'cursor' is not a cursor this server gave (use the Link header's next URL)");
    }
}
