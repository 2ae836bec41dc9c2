-- An edition whose hard-bounce rate ran too high is paused (status 'paused', the reason in error). When a person resumes
-- it, the ledger's counts at that moment become the baseline, so the rate is judged again on what is sent afterwards.
ALTER TABLE editions ADD COLUMN bounce_base_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE editions ADD COLUMN bounce_base_refused INTEGER NOT NULL DEFAULT 0;
