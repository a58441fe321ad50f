-- The search index gains each report's holder (hex-encoded as one token, so any institution id is one word), for
-- similar reports to find an institution's matches inside the index rather than by joining every match; and its
-- rows are keyed by the negated report id, so that the newest come first in the order FTS5 reads fastest. Column
-- detail only: nothing searches phrases. Emptied here, every published report is indexed again by the projector,
-- its stems counted again from nothing.
DROP TABLE `monitor_search`;--> statement-breakpoint
CREATE VIRTUAL TABLE `monitor_search` USING fts5(`title`, `body`, `holder`, content='', contentless_delete=1, detail=column, tokenize='unicode61 remove_diacritics 2');--> statement-breakpoint
DELETE FROM `monitor_terms`;--> statement-breakpoint
UPDATE `monitor_reports` SET `indexed` = false WHERE `indexed`;
