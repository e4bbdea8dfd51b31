package dev.vigil.core.audit;

/** Reports how far a long stage has got; the command line shows it on stderr. */
public interface Progress {
    Progress SILENT = (name, total) -> new Task() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void finish(String summary) {
        }
    };

    Task start(String name, long total);

    /** One stage: advance by processed units (images), then finish with a one-line summary. */
    interface Task {
        void advance(long units);

        void finish(String summary);

        /** The seconds a named part of the stage took (the benchmark reads them; the console ignores them). */
        default void part(String name, double seconds) {
        }
    }
}
