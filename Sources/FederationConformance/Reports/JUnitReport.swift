/// JUnit XML: one `<testsuite>` per suite, one `<testcase>` per case, `<failure>`/`<error>`/`<skipped>` children.
/// An unreadable file is a suite with one `(file)` test case carrying an `<error>`.
public enum JUnitReport {
    /// Renders a run as a JUnit XML document (UTF-8, ends with a newline).
    public static func render(_ run: RunResult) -> String {
        var xml = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        let failures = run.suites.reduce(0) { $0 + $1.failed }
        xml.append(
            #"<testsuites name="\#(escape(run.implementation))" tests="\#(run.total)" failures="\#(failures)" errors="\#(run.errors)" skipped="\#(run.skipped)">"#
        )
        for s in run.suites {
            let tests = s.cases.count + (s.fileError == nil ? 0 : 1)
            xml.append(
                #"  <testsuite name="\#(escape(s.name))" file="\#(escape(s.file))" tests="\#(tests)" failures="\#(s.failed)" errors="\#(s.errors)" skipped="\#(s.skipped)">"#
            )
            if let fileError = s.fileError {
                xml.append(
                    #"    <testcase classname="\#(escape(s.name))" name="(file)"><error message="\#(escape(fileError))"/></testcase>"#
                )
            }
            for c in s.cases {
                let open = #"    <testcase classname="\#(escape(s.name))" name="\#(escape(c.id))""#
                switch c.outcome {
                case .passed: xml.append(open + "/>")
                case .failed(let why): xml.append(open + #"><failure message="\#(escape(why))"/></testcase>"#)
                case .error(let why): xml.append(open + #"><error message="\#(escape(why))"/></testcase>"#)
                case .skipped(let why): xml.append(open + #"><skipped message="\#(escape(why))"/></testcase>"#)
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    /// XML attribute escaping; characters XML 1.0 cannot carry at all become U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
