using TorchSharp;

namespace AvEval.Training.Tests;

public sealed class LibTorchSharpPatchTests
{
    [Fact]
    public void TorchSharp_LoadsFromTheBuildOutput_AndComputes()
    {
        // Without the build step's weak GLIBCXX_3.4.32 requirement, Debian 12 cannot load libLibTorchSharp.so at all.
        // 1·4 + 2·5 + 3·6 = 32.
        using var a = torch.tensor(new float[] { 1, 2, 3 });
        using var b = torch.tensor(new float[] { 4, 5, 6 });

        using var dot = torch.dot(a, b);

        dot.item<float>().ShouldBe(32f);
    }
}
