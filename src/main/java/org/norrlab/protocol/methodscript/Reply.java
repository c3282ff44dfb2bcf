package org.norrlab.protocol.methodscript;

import java.util.List;

/** One line a MethodSCRIPT device sends while a script runs, classified by its first character. */
public sealed interface Reply {
    /**
     * What a reader of device output does with each kind of line. Readers implement every method (saying
     * so where they ignore a kind), so a new kind of line does not compile until it is placed here and the
     * driver and the importer have decided what it means to them.
     *
     * @param <X> what the handling may throw ({@code RuntimeException} for none)
     */
    interface Visitor<X extends Exception> {
        void loopStarted(LoopStarted reply) throws X;

        void dataPackage(Package reply) throws X;

        void loopEnded(LoopEnded reply) throws X;

        /** {@code Cxxxx}: a new scan of a loop run with {@code nscans(n > 1)}; a sweep reader counts them as cycles. */
        void scanStarted(ScanStarted reply) throws X;

        /** {@code -}: the scan ended. */
        void scanEnded(ScanEnded reply) throws X;

        void error(Error reply) throws X;

        void scriptEnded(ScriptEnded reply) throws X;

        /**
         * The lines that only tell the course of the script ({@code e}, {@code T…}, {@code Z}, {@code L +}):
         * no reader takes data or an outcome from them today. A kind moves out of here into a method of its own
         * when a reader needs it.
         */
        void carriesNothing(Reply reply) throws X;
    }

    /** The one dispatch on the line's kind. */
    <X extends Exception> void accept(Visitor<X> visitor) throws X;

    record Acknowledged() implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.carriesNothing(this);
        }
    }

    /** {@code Mxxxx}: a measurement loop starts; the code names the technique (0007 = CA). */
    record LoopStarted(int code) implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.loopStarted(this);
        }
    }

    record Package(List<DataValue> values) implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.dataPackage(this);
        }
    }

    /** {@code *}: the measurement loop ended. */
    record LoopEnded() implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.loopEnded(this);
        }
    }

    /** {@code T…}: text from {@code send_string}. */
    record Text(String text) implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.carriesNothing(this);
        }
    }

    /** An error line, {@code !XXXX} possibly after an echo character and before a context. */
    record Error(ErrorCode code, String context) implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.error(this);
        }
    }

    /** The empty line that ends a script (after {@code on_finished:} ran). */
    record ScriptEnded() implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.scriptEnded(this);
        }
    }

    /** {@code Z}: the device acknowledges an abort; the script output continues to its end. */
    record AbortAcknowledged() implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.carriesNothing(this);
        }
    }

    /**
     * {@code Cxxxx}: a scan of a measurement loop with {@code nscans(n > 1)} starts. What the 4 hex digits mean is not
     * documented in the sources read (PalmSens' parser only checks that they are hex), so no reader relies on them.
     */
    record ScanStarted(int code) implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.scanStarted(this);
        }
    }

    /** {@code -}: the scan started by the last {@code Cxxxx} ended. */
    record ScanEnded() implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.scanEnded(this);
        }
    }

    /** Plain-loop markers that carry nothing a sample needs: {@code L +}. */
    record Marker(char kind) implements Reply {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.carriesNothing(this);
        }
    }

    /** Decodes one line (without its terminator); see {@link ReplyDecoder} for the bytes the drivers read. */
    static Reply parse(String line) throws MalformedReplyException {
        return ReplyDecoder.decode(line);
    }
}
