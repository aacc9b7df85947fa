using System.Globalization;
using System.Text;
using System.Xml;

namespace AvEval.Tracking.Comparison;

/// <summary>
/// The gate's decision as JUnit XML, in the shape CI servers read (the Ant/Jenkins <c>junit-10.xsd</c> shape:
/// <c>testsuites</c> › <c>testsuite</c> › <c>testcase</c>, a <c>failure</c> per regressed behaviour): one test case per
/// blocking behaviour, named <c>&lt;behaviour&gt;</c> in class <c>aveval.gate</c>; the suite's properties name both runs
/// and the policy; new failures are listed in the failing case's text and in the suite's <c>system-out</c>.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>The XML text (UTF-8, indented).</summary>
    public static string Write(GateDecision decision, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var c = CultureInfo.InvariantCulture;
        var comparison = decision.Comparison;
        int failures = decision.Verdicts.Count(v => v.Regressed);
        var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "aveval gate");
            w.WriteAttributeString("tests", decision.Verdicts.Count.ToString(c));
            w.WriteAttributeString("failures", failures.ToString(c));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("time", "0");
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "aveval.gate");
            w.WriteAttributeString("tests", decision.Verdicts.Count.ToString(c));
            w.WriteAttributeString("failures", failures.ToString(c));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", "0");
            w.WriteAttributeString("time", "0");
            w.WriteAttributeString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", c));
            w.WriteAttributeString("hostname", "localhost");
            w.WriteStartElement("properties");
            Property(w, "baseline_run", comparison.Baseline.Run.Value);
            Property(w, "baseline_candidate", comparison.Baseline.Candidate);
            Property(w, "candidate_run", comparison.Candidate.Run.Value);
            Property(w, "candidate_candidate", comparison.Candidate.Candidate);
            Property(w, "policy", decision.Policy.File);
            Property(w, "decision", decision.Passed ? "pass" : "fail");
            w.WriteEndElement();
            foreach (var v in decision.Verdicts)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "aveval.gate");
                w.WriteAttributeString("name", v.Behavior.Behavior);
                w.WriteAttributeString("time", "0");
                if (v.Regressed)
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("message", v.Reason);
                    w.WriteAttributeString("type", "regression");
                    var lines = decision.NewFailures.Where(s => s.Behavior == v.Behavior.Behavior).Select(s => $"new failure: {s.Scenario}");
                    w.WriteString(string.Join('\n', lines.Prepend(v.Reason)));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteElementString("system-out", string.Join('\n', decision.NewFailures.Select(s => $"new failure: {s.Scenario}").Prepend(GateSummaryWriter.DecisionLine(decision))));
            w.WriteElementString("system-err", string.Empty);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Property(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }
}
