package io.paperfeed.streams.dedup;

import io.paperfeed.model.CanonicalPaper;
import io.paperfeed.model.PaperEvent;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A paper as the de-duplicator remembers it: the canonical record, the compact signatures of the
 * distinct abstracts seen (at most {@link #MAX_SIGNATURES}), and hashes of the distinct sightings
 * merged, so an exact repeat is recognised.
 */
final class PaperStates {

    static final int MAX_SIGNATURES = 4;
    private static final int HASH_BYTES = 12;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{24}");

    private PaperStates() {
    }

    record PaperState(CanonicalPaper paper, List<short[]> signatures, List<String> sightingHashes)
            implements RefState {

        PaperState {
            signatures = List.copyOf(signatures);
            sightingHashes = List.copyOf(sightingHashes);
        }

        /** The highest estimated similarity of any remembered abstract to the signature. */
        double similarity(short[] signature) {
            double best = 0;
            for (short[] s : signatures) {
                best = Math.max(best, Summary.similarity(s, signature));
            }
            return best;
        }

        Summary summary() {
            return Summary.of(paper, signatures.isEmpty() ? null : signatures.get(0));
        }

        /** Whether the paper is published on the canonical topic: not while only title-only sightings hold it. */
        boolean isPublished() {
            return paper.abstractText() != null;
        }

        /** This paper with one more merged sighting. */
        PaperState with(CanonicalPaper merged, SightingData s, boolean keepSignature) {
            List<short[]> sigs = new ArrayList<>(signatures);
            if (keepSignature) {
                sigs.add(s.summary().signature());
            }
            List<String> hashes = new ArrayList<>(sightingHashes);
            hashes.add(s.contentHash());
            return new PaperState(merged, sigs, hashes);
        }

        /** Whether a sighting's abstract is new enough to remember (and index) as one more text. */
        boolean isNewText(SightingData s) {
            return s.hasAbstract() && signatures.size() < MAX_SIGNATURES && similarity(s.summary().signature()) < 1.0;
        }
    }

    static PaperState first(String id, SightingData s) {
        return new PaperState(CanonicalPaper.firstSighting(id, s.event()),
                s.hasAbstract() ? List.of(s.summary().signature()) : List.of(), List.of(s.contentHash()));
    }

    /**
     * A hash of everything the item says about the paper, not where or when it was seen. The other DOIs, ids,
     * relations and venue (with the status) count only when the item has some, so an arXiv listing (whose
     * status alone is new) hashes as before; ORCID iDs likewise.
     */
    static String contentHash(PaperEvent e) {
        String content = String.join("\u0001", String.valueOf(e.arxivId()), String.valueOf(e.version()),
                String.valueOf(e.doi()), String.valueOf(e.title()), e.abstractText(), String.join("\u0002", e.authors()),
                String.join("\u0002", e.categories()), String.valueOf(e.comment()), String.valueOf(e.published()),
                String.valueOf(e.updated()));
        boolean more = e.dois().size() > (e.doi() == null ? 0 : 1) || !e.ids().isEmpty() || !e.relations().isEmpty()
                || e.venue() != null;
        if (more) {
            content = String.join("\u0001", content, String.join("\u0002", e.dois()), e.ids().toString(),
                    e.relations().toString(), String.valueOf(e.venue()), String.valueOf(e.status()));
        }
        if (!e.orcids().isEmpty()) { // only when the item has some: items without hash as before
            content = String.join("\u0001", content, e.orcids().toString());
        }
        return ContentIds.sha256Hex(content).substring(0, 24);
    }

    static void write(Bin.Writer w, PaperState p) {
        Bin.Writer paper = new Bin.Writer(2048);
        RecordCodec.write(paper, p.paper());
        w.bytes(Deflate.compress(paper.toByteArray(), Deflate.PAPERS));
        w.varint(p.signatures().size());
        p.signatures().forEach(s -> Summary.writeSignature(w, s));
        writeHashes(w, p.sightingHashes());
    }

    /**
     * @param version the record layout of the paper ({@link RecordCodec})
     * @param compact whether it was written by {@link #write} as it is now (the preset dictionary, sighting
     *                hashes as bytes): refs store layout 5 on, exchange layout 4 on
     */
    static PaperState read(Bin.Reader r, int version, boolean compact) {
        byte[] dictionary = compact ? Deflate.PAPERS : null;
        CanonicalPaper paper = RecordCodec.readPaper(new Bin.Reader(Deflate.decompress(r.bytes(), dictionary)), version);
        int n = r.length();
        List<short[]> signatures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            signatures.add(Summary.readSignature(r));
        }
        return new PaperState(paper, signatures, compact ? readHashes(r) : r.strings());
    }

    /** Sighting hashes (24 hex digits each, {@link #contentHash}) as their 12 bytes; anything else as text. */
    private static void writeHashes(Bin.Writer w, List<String> hashes) {
        w.varint(hashes.size());
        for (String h : hashes) {
            if (HASH.matcher(h).matches()) {
                w.u8(0);
                for (byte b : HexFormat.of().parseHex(h)) {
                    w.u8(b);
                }
            } else {
                w.u8(1).str(h);
            }
        }
    }

    private static List<String> readHashes(Bin.Reader r) {
        int n = r.length();
        List<String> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (r.u8() == 0) {
                byte[] bytes = new byte[HASH_BYTES];
                for (int b = 0; b < HASH_BYTES; b++) {
                    bytes[b] = (byte) r.u8();
                }
                hashes.add(HexFormat.of().formatHex(bytes));
            } else {
                hashes.add(r.str());
            }
        }
        return hashes;
    }
}
