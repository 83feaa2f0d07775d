//! Prometheus' text exposition format (version 0.0.4), the little of it `/metrics`
//! needs: `# HELP` and `# TYPE` once per metric, then one line per series, label values
//! escaped.

use std::fmt::Write;

/// Builds the text of one scrape.
#[derive(Debug, Default)]
pub(super) struct Writer {
    out: String,
}

/// Label names and values of one series.
pub(super) type Labels<'a> = [(&'a str, &'a str)];

impl Writer {
    /// The `# HELP` and `# TYPE` lines of a metric.
    pub(super) fn header(&mut self, name: &str, kind: &str, help: &str) {
        let help = help.replace('\\', r"\\").replace('\n', r"\n");
        // Writing into a String cannot fail.
        let _ = writeln!(self.out, "# HELP {name} {help}\n# TYPE {name} {kind}");
    }

    /// One sample line: `name{labels} value`.
    pub(super) fn sample(&mut self, name: &str, labels: &Labels<'_>, value: f64) {
        self.out.push_str(name);
        if !labels.is_empty() {
            self.out.push('{');
            for (i, (label, value)) in labels.iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                self.out.push_str(label);
                self.out.push_str("=\"");
                push_escaped(&mut self.out, value);
                self.out.push('"');
            }
            self.out.push('}');
        }
        let _ = writeln!(self.out, " {}", number(value));
    }

    /// A gauge with its series.
    pub(super) fn gauge(&mut self, name: &str, help: &str, series: &[(&Labels<'_>, f64)]) {
        self.header(name, "gauge", help);
        for (labels, value) in series {
            self.sample(name, labels, *value);
        }
    }

    /// The lines of one histogram series: cumulative `_bucket`s from per-bucket
    /// `counts` (one more than `bounds`: the last is above every bound), `_sum` and
    /// `_count`.
    pub(super) fn histogram(
        &mut self,
        name: &str,
        labels: &Labels<'_>,
        bounds: &[f64],
        counts: &[u64],
        sum: f64,
    ) {
        let bucket = format!("{name}_bucket");
        let mut total = 0u64;
        let bound_texts = bounds.iter().map(|b| number(*b)).chain(["+Inf".into()]);
        for (bound, count) in bound_texts.zip(counts) {
            total += count;
            let mut with_le = labels.to_vec();
            with_le.push(("le", &bound));
            self.sample(&bucket, &with_le, total as f64);
        }
        self.sample(&format!("{name}_sum"), labels, sum);
        self.sample(&format!("{name}_count"), labels, total as f64);
    }

    pub(super) fn finish(self) -> String {
        self.out
    }
}

/// A label value with `\`, `"` and line breaks escaped.
fn push_escaped(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            c => out.push(c),
        }
    }
}

/// A number as Prometheus reads it: integers without a fraction, others as Rust writes
/// the shortest exact form (`0.0025`), never exponents for the values we have.
fn number(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.is_nan() {
        "NaN".into()
    } else if value.is_infinite() {
        if value > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_written_and_label_values_escaped() {
        let mut w = Writer::default();
        w.header("m_total", "counter", "Things.\nMore");
        w.sample("m_total", &[("route", "/a\"b\\c\nd"), ("x", "1")], 3.0);
        w.sample("m_total", &[], 0.5);
        w.histogram("h", &[("route", "/r")], &[0.1, 1.0], &[1, 0, 2], 4.25);
        assert_eq!(
            w.finish(),
            "# HELP m_total Things.\\nMore\n# TYPE m_total counter\n\
             m_total{route=\"/a\\\"b\\\\c\\nd\",x=\"1\"} 3\n\
             m_total 0.5\n\
             h_bucket{route=\"/r\",le=\"0.1\"} 1\n\
             h_bucket{route=\"/r\",le=\"1\"} 1\n\
             h_bucket{route=\"/r\",le=\"+Inf\"} 3\n\
             h_sum{route=\"/r\"} 4.25\n\
             h_count{route=\"/r\"} 3\n"
        );
    }
}
