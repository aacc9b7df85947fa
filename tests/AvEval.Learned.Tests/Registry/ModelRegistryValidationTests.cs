using AvEval.Errors;
using AvEval.Learned.Registry;
using AvEval.Learned.Runtime;
using AvEval.Suites;

namespace AvEval.Learned.Tests.Registry;

/// <summary>Ids and versions that name folders are validated, and a model folder never lies outside the registry.</summary>
public sealed class ModelRegistryValidationTests
{
    private static ModelRegistry Registry(string root) => new(root, new LearnedRuntime(EvaluatorDevice.Cpu, TextWriter.Null));

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("Hard_Braking")]
    [InlineData("a/b")]
    [InlineData("")]
    public void ResolveVersion_IdThatIsNotAnId_ThrowsNamingIt(string id)
    {
        var registry = TestModels.Registry;

        var ex = Record.Exception(() => registry.ResolveVersion(id, "1"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"evaluator id '{id}' is not an evaluator id; write 1 to 64 lowercase letters, digits, '_' or '-' (e.g. 'hard_braking_detector').");
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("../1.0.0")]
    [InlineData("1.0")]
    public void ResolveVersion_PinThatIsNotAVersion_ThrowsNamingIt(string pin)
    {
        var ex = Record.Exception(() => TestModels.Registry.ResolveVersion("cut_in_detector", pin));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"the version pin '{pin}' of evaluator 'cut_in_detector' is neither a major version (e.g. '1') nor a semantic version (SemVer 2.0, e.g. '1.0.0' or '1.1.0-rc.1'); pin one of those forms.");
    }

    [Fact]
    public void VersionsOf_PreReleaseAndBuildFolders_AreListedByPrecedenceAndMajorPinSkipsPreReleases()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        foreach (var v in new[] { "1.1.0-rc.1", "1.0.1+build.3", "banana", "1.2.0-beta" })
        {
            Directory.CreateDirectory(Path.Combine(root, "cut_in_detector", v));
        }

        var registry = Registry(root);

        registry.VersionsOf("cut_in_detector").ShouldBe(["1.0.0", "1.0.1+build.3", "1.1.0-rc.1", "1.2.0-beta"]);
        registry.ResolveVersion("cut_in_detector", "1").ShouldBe("1.0.1+build.3");
        registry.ResolveVersion("cut_in_detector", "1.1.0-rc.1").ShouldBe("1.1.0-rc.1");
    }

    [Fact]
    public void Evaluators_FolderThatIsNotAnId_IsNotListed()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        Directory.CreateDirectory(Path.Combine(root, "Not An Id"));

        Registry(root).Evaluators.ShouldBe(["cut_in_detector"]);
    }

    [Fact]
    public void FolderOf_VersionWithPathCharacters_Throws()
    {
        var ex = Record.Exception(() => TestModels.Registry.FolderOf("cut_in_detector", "../../x"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldStartWith("the version of 'cut_in_detector' is '../../x', which is not a semantic version;");
    }

    [Fact]
    public void FolderOf_EvaluatorFolderLinkedOutsideTheRegistry_Throws()
    {
        var root = TestModels.CopyToTemporaryRegistry("cut_in_detector");
        var outside = Path.Combine(Path.GetTempPath(), "aveval-learned-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), outside);
        var registry = Registry(root);

        var ex = Record.Exception(() => registry.FolderOf("linked", "1.0.0"));

        var error = Assert.IsType<LearnedEvaluatorException>(ex);
        error.Message.ShouldBe($"{Path.Combine(registry.Root, "linked", "1.0.0")}: the folder of model 'linked@1.0.0' resolves outside the registry '{registry.Root}'; remove the symbolic link or keep models under the registry.");
    }

    [Fact]
    public void FolderOf_ValidIdAndVersion_IsUnderTheRegistry()
    {
        var registry = TestModels.Registry;

        registry.FolderOf("cut_in_detector", "1.1.0-rc.1").ShouldBe(Path.Combine(registry.Root, "cut_in_detector", "1.1.0-rc.1"));
    }
}
