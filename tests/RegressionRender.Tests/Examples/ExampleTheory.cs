using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Examples;

/// <summary>Every config in examples/, as theory data: adding an example adds its tests.</summary>
public static class ExampleTheory
{
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repo.ExampleConfigs())
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    public static string PathOf(string name) => Path.Combine(Repo.Examples, name);
}
