using System.Text;

namespace AvEval.Golden.Internal;

/// <summary>RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold a comma, quote or line break.</summary>
internal static class Csv
{
    /// <summary>Records of a CSV text with the 1-based line each starts on.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        int line = 1;
        while (reader.Peek() >= 0)
        {
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, atStart = true;
            while (true)
            {
                int c = reader.Read();
                if (c < 0)
                {
                    fields.Add(field.ToString());
                    break;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append((char)c);
                    }

                    continue;
                }

                if (c == '"' && atStart)
                {
                    quoted = true;
                    atStart = false;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    atStart = true;
                }
                else if (c == '\r' && reader.Peek() == '\n')
                {
                    continue;
                }
                else if (c == '\n')
                {
                    line++;
                    fields.Add(field.ToString());
                    break;
                }
                else
                {
                    field.Append((char)c);
                    atStart = false;
                }
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return (start, fields);
        }
    }

    /// <summary>One field, quoted when it needs to be.</summary>
    public static string Field(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
