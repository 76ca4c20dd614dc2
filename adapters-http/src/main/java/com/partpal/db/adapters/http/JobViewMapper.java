package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.JobState;
import com.partpal.db.application.jobs.TableProgress;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

import java.util.List;
import java.util.Locale;

/** Jobs as the API shows them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA)
public interface JobViewMapper {
    @Mapping(target = "url", expression = "java(JobsController.url(job.id()))")
    @Mapping(target = "rowsDone", expression = "java(rowsDone(job.tables()))")
    @Mapping(target = "totalRows", expression = "java(totalRows(job.tables()))")
    @Mapping(target = "report", source = "reportJson")
    JobView toView(JobSnapshot job);

    List<JobView> toViews(List<JobSnapshot> jobs);

    default String state(JobState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    default long rowsDone(List<TableProgress> tables) {
        return tables.stream().mapToLong(TableProgress::rowsDone).sum();
    }

    default long totalRows(List<TableProgress> tables) {
        return tables.stream().mapToLong(TableProgress::totalRows).sum();
    }
}
