-- Step attempts and measurements are nearly all the rows a station writes. A foreign key checks
-- each row on its own (a lookup in runs, and a lock on the run, per row): more than half of what
-- PostgreSQL spends inserting them. These checks do the same for a whole statement at once: a
-- statement of step rows whose run is not in runs fails, as before; a run that has step rows can be
-- neither deleted nor given another key, as before. (Unlike the foreign key, the check takes no lock
-- on the run: a run deleted by hand while a station writes its steps could slip between them. The
-- store itself never deletes a run.)
ALTER TABLE step_attempts DROP CONSTRAINT IF EXISTS step_attempts_run_key_fkey;
ALTER TABLE measurements DROP CONSTRAINT IF EXISTS measurements_run_key_fkey;

CREATE FUNCTION step_rows_have_runs() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM written w WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = w.run_key)) THEN
    RAISE foreign_key_violation
      USING MESSAGE = format('a row of %I refers to a run that is not in runs', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER step_attempts_have_runs AFTER INSERT ON step_attempts
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION step_rows_have_runs();
CREATE TRIGGER step_attempts_keep_runs AFTER UPDATE ON step_attempts
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION step_rows_have_runs();
CREATE TRIGGER measurements_have_runs AFTER INSERT ON measurements
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION step_rows_have_runs();
CREATE TRIGGER measurements_keep_runs AFTER UPDATE ON measurements
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION step_rows_have_runs();

-- The store never deletes a run nor changes its key: these fire only when someone does.
CREATE FUNCTION runs_keep_their_step_rows() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM gone g WHERE EXISTS (SELECT 1 FROM step_attempts s WHERE s.run_key = g.id)
                                     OR EXISTS (SELECT 1 FROM measurements m WHERE m.run_key = g.id)) THEN
    RAISE foreign_key_violation USING MESSAGE = 'a run that has step rows cannot be deleted';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER runs_deleted_keep_step_rows AFTER DELETE ON runs
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION runs_keep_their_step_rows();

CREATE FUNCTION run_with_step_rows_keeps_its_key() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM step_attempts s WHERE s.run_key = OLD.id)
     OR EXISTS (SELECT 1 FROM measurements m WHERE m.run_key = OLD.id) THEN
    RAISE foreign_key_violation USING MESSAGE = 'a run that has step rows cannot be given another key';
  END IF;
  RETURN NEW;
END
$$;

-- Row by row, and only for an UPDATE that sets id: the store's own updates of runs never do.
CREATE TRIGGER runs_rekeyed_keep_step_rows BEFORE UPDATE OF id ON runs
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION run_with_step_rows_keeps_its_key();
