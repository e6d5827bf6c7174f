package io.paperfeed.streams.dedup;

import io.paperfeed.streams.dedup.PaperStates.PaperState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the {@code dedup-refs} store holds under a ref, on the ref's home partition: a paper, a
 * sighting that joined a paper (so evidence still filed under its ref leads to that paper), or a
 * sighting still deciding.
 */
sealed interface RefState permits PaperState, RefState.Joined, Pending {

    /** A sighting that joined {@code paper}. */
    record Joined(long paper) implements RefState {
    }

    /**
     * The layout written; versions 1 (before DOIs, ids, relations, venue and status), 2 (before ORCID iDs),
     * 3 (before a pending sighting's held matches) and 4 (before the paper record's preset dictionary and
     * sighting hashes as bytes) are still read.
     */
    int VERSION = 5;

    Serde<RefState> SERDE = new Serde<>() {
        @Override
        public Serializer<RefState> serializer() {
            return (topic, s) -> s == null ? null : encode(s);
        }

        @Override
        public Deserializer<RefState> deserializer() {
            return (topic, bytes) -> bytes == null ? null : decode(bytes);
        }
    };

    static byte[] encode(RefState state) {
        Bin.Writer w = new Bin.Writer(1024);
        w.u8(VERSION);
        if (state instanceof PaperState p) {
            w.u8(0);
            PaperStates.write(w, p);
        } else if (state instanceof Joined j) {
            w.u8(1).i64(j.paper());
        } else if (state instanceof Pending p) {
            w.u8(2);
            writePending(w, p);
        }
        return w.toByteArray();
    }

    static RefState decode(byte[] bytes) {
        Bin.Reader r = new Bin.Reader(bytes);
        int version = r.u8();
        if (version < 1 || version > VERSION) {
            throw new SerializationException("dedup ref state of unknown version " + version);
        }
        return switch (r.u8()) {
            case 0 -> PaperStates.read(r, version, version >= 5);
            case 1 -> new Joined(r.i64());
            case 2 -> readPending(r, version);
            default -> throw new SerializationException("dedup ref state of unknown kind");
        };
    }

    private static void writePending(Bin.Writer w, Pending p) {
        SightingData.write(w, p.sighting);
        w.str(p.publicId).varint(p.answersOutstanding).bool(p.confirmsSent).longs(toArray(p.candidates))
                .longs(toArray(p.confirming));
        writeCandidates(w, p.matches);
        writeCandidates(w, p.claims);
        w.varint(p.held.size());
        p.held.forEach(m -> w.bytes(Message.encode(m)));
        w.varint(p.queued.size());
        p.queued.forEach(m -> w.bytes(Message.encode(m)));
        w.longs(toArray(p.heldPapers));
    }

    private static Pending readPending(Bin.Reader r, int version) {
        Pending p = new Pending(SightingData.read(r, version), r.str());
        p.answersOutstanding = (int) r.varint();
        p.confirmsSent = r.bool();
        for (long c : r.longs()) {
            p.candidates.add(c);
        }
        for (long c : r.longs()) {
            p.confirming.add(c);
        }
        p.matches.addAll(readCandidates(r));
        p.claims.addAll(readCandidates(r));
        int held = r.length();
        for (int i = 0; i < held; i++) {
            p.held.add((Message.Confirm) Message.decode(r.bytes()));
        }
        int queued = r.length();
        for (int i = 0; i < queued; i++) {
            p.queued.add((Message.Merge) Message.decode(r.bytes()));
        }
        if (version >= 4) {
            for (long c : r.longs()) {
                p.heldPapers.add(c);
            }
        }
        return p;
    }

    private static void writeCandidates(Bin.Writer w, List<Pending.Candidate> list) {
        w.varint(list.size());
        list.forEach(c -> w.i64(c.ref()).str(c.matchedBy()).f32((float) c.similarity()));
    }

    private static List<Pending.Candidate> readCandidates(Bin.Reader r) {
        int n = r.length();
        List<Pending.Candidate> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Pending.Candidate(r.i64(), r.str(), r.f32()));
        }
        return list;
    }

    private static long[] toArray(List<Long> list) {
        return list.stream().mapToLong(Long::longValue).toArray();
    }
}
