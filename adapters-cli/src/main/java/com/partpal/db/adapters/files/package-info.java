/**
 * File-system adapters behind the application's ports: the backup catalogue (BackupCatalog), the job history
 * (JobHistory), rejects files (RejectsSink, RejectsFileReader) and report files.
 */
package com.partpal.db.adapters.files;
