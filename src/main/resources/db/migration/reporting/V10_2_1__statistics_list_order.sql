-- The list behind a figure shows a batch's applications by number, fifty at a time: read in that order from an
-- index rather than sorting the whole batch (70,000 applications at national scale) for every page.
CREATE INDEX applications_batch_number_idx ON applications (batch_id, application_number, id);
