package io.paperfeed.streams.dedup;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the dedup tasks tell one another on the exchange topic, each keyed by the 64-bit key whose
 * partition must handle it ({@link Routing}): a sighting arriving at its home, a probe or a
 * registration of evidence keys at the partition that owns them, the candidates a probe found, a
 * request to confirm a candidate and its verdict, a sighting to merge into a paper, and a held paper
 * to absorb into the paper a sighting that matched both joined.
 */
sealed interface Message {

    /** The key whose partition handles this message. */
    long key();

    /** A decoded sighting, sent to the partition of its home key. */
    record Arrive(long home, SightingData sighting) implements Message {
        public long key() {
            return home;
        }
    }

    /** Look up these evidence keys (all on one partition), report who holds them, and add {@code ref}. */
    record Probe(long ref, long[] keys, long time) implements Message {
        public long key() {
            return keys[0];
        }
    }

    /** Add {@code ref} under these evidence keys (a paper's new text or ids); no answer. */
    record Register(long ref, long[] keys, long time) implements Message {
        public long key() {
            return keys[0];
        }
    }

    /** The refs a probe found under its keys. */
    record Answer(long ref, long[] candidates) implements Message {
        public long key() {
            return ref;
        }
    }

    /**
     * Does the requester (described by its summary) belong with the target? {@code asked} is the ref the
     * requester asked about; a joined sighting passes the question on to its paper, which answers for it.
     */
    record Confirm(long requester, long target, long asked, Summary summary) implements Message {
        public long key() {
            return target;
        }
    }

    /**
     * The answer to a {@link Confirm} about {@code asked}: a match with a paper, no match, "pending, I will
     * follow you", or a match with a paper that is held (title-only, never published).
     */
    record Verdict(long requester, long asked, Outcome outcome, long paper, String matchedBy, double similarity)
            implements Message {

        enum Outcome { MATCH, NO, YIELD, MATCH_HELD }

        boolean isMatch() {
            return outcome == Outcome.MATCH || outcome == Outcome.MATCH_HELD;
        }

        public long key() {
            return requester;
        }
    }

    /** Merge the sighting into the paper; {@code registered} when its evidence keys are indexed already. */
    record Merge(long paper, SightingData sighting, String matchedBy, double similarity, boolean registered)
            implements Message {
        public long key() {
            return paper;
        }
    }

    /**
     * A sighting that matched {@code paper}, a held paper, joined {@code into} (a published paper, or a held
     * one of smaller ref): the held paper joins it too, if it is still held.
     */
    record Absorb(long paper, long into, boolean intoPublished, String matchedBy) implements Message {
        public long key() {
            return paper;
        }
    }

    /** Fold the held paper absorbed from another ref into the paper {@code into}. */
    record Fold(long into, PaperStates.PaperState held, String matchedBy) implements Message {
        public long key() {
            return into;
        }
    }

    /** The serde of the exchange topic's values. */
    Serde<Message> SERDE = new Serde<>() {
        @Override
        public Serializer<Message> serializer() {
            return (topic, m) -> m == null ? null : encode(m);
        }

        @Override
        public Deserializer<Message> deserializer() {
            return (topic, bytes) -> bytes == null ? null : decode(bytes);
        }
    };

    /**
     * The layout written; versions 1 (before DOIs, ids, relations, venue and status), 2 (before ORCID iDs) and 3
     * (before a folded paper's record took the preset dictionary, {@link PaperStates#write}) are still read.
     */
    int VERSION = 4;

    static byte[] encode(Message m) {
        Bin.Writer w = new Bin.Writer(m instanceof Arrive || m instanceof Merge ? 2048 : 256);
        w.u8(VERSION);
        if (m instanceof Arrive a) {
            w.u8(0).i64(a.home());
            SightingData.write(w, a.sighting());
        } else if (m instanceof Probe p) {
            w.u8(1).i64(p.ref()).longs(p.keys()).varint(p.time());
        } else if (m instanceof Register r) {
            w.u8(2).i64(r.ref()).longs(r.keys()).varint(r.time());
        } else if (m instanceof Answer a) {
            w.u8(3).i64(a.ref()).longs(a.candidates());
        } else if (m instanceof Confirm c) {
            w.u8(4).i64(c.requester()).i64(c.target()).i64(c.asked());
            Summary.write(w, c.summary());
        } else if (m instanceof Verdict v) {
            w.u8(5).i64(v.requester()).i64(v.asked()).u8(v.outcome().ordinal()).i64(v.paper())
                    .str(v.matchedBy()).f32((float) v.similarity());
        } else if (m instanceof Merge g) {
            w.u8(6).i64(g.paper());
            SightingData.write(w, g.sighting());
            w.str(g.matchedBy()).f32((float) g.similarity()).bool(g.registered());
        } else if (m instanceof Absorb a) {
            w.u8(7).i64(a.paper()).i64(a.into()).bool(a.intoPublished()).str(a.matchedBy());
        } else if (m instanceof Fold f) {
            w.u8(8).i64(f.into());
            PaperStates.write(w, f.held());
            w.str(f.matchedBy());
        }
        return w.toByteArray();
    }

    static Message decode(byte[] bytes) {
        Bin.Reader r = new Bin.Reader(bytes);
        int version = r.u8();
        if (version < 1 || version > VERSION) {
            throw new SerializationException("dedup exchange record of unknown version " + version);
        }
        int kind = r.u8();
        return switch (kind) {
            case 0 -> new Arrive(r.i64(), SightingData.read(r, version));
            case 1 -> new Probe(r.i64(), r.longs(), r.varint());
            case 2 -> new Register(r.i64(), r.longs(), r.varint());
            case 3 -> new Answer(r.i64(), r.longs());
            case 4 -> new Confirm(r.i64(), r.i64(), r.i64(), Summary.read(r, version));
            case 5 -> new Verdict(r.i64(), r.i64(), Verdict.Outcome.values()[r.u8()], r.i64(), r.str(), r.f32());
            case 6 -> new Merge(r.i64(), SightingData.read(r, version), r.str(), r.f32(), r.bool());
            case 7 -> new Absorb(r.i64(), r.i64(), r.bool(), r.str());
            case 8 -> new Fold(r.i64(), PaperStates.read(r, version, version >= 4), r.str());
            default -> throw new SerializationException("dedup exchange record of unknown kind " + kind);
        };
    }
}
