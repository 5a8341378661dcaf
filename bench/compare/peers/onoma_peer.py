"""onoma through its Python package: Gazetteer.from_file on the .jsonl, policy
longest, boundary word (the defaults)."""

from __future__ import annotations

import onoma


class Onoma:
    name = "onoma"
    package = "onoma"

    def build(self, jsonl_path):
        self.g = onoma.Gazetteer.from_file(jsonl_path)

    def find_str(self, text):
        return [(m.start, m.end) for m in self.g.find(text)]

    def find_bytes(self, data):
        return self.g.find(data)

    def find_batch(self, paragraphs, threads):
        return self.g.find_batch(paragraphs, threads=threads)
