using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AvEval.Cli.Output;

/// <summary>A progress column of cases done over the run's cases: <c>12/21 cases</c>.</summary>
internal sealed class CaseCountColumn : ProgressColumn
{
    /// <inheritdoc/>
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0} cases"));
    }
}
