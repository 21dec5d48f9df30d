using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>Modules applied in order, each to the previous one's output; their state is named by position (<c>0.weight</c>).</summary>
public sealed class Sequential<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Module<T>> layers = [];

    /// <summary>Creates a sequence of <paramref name="modules"/>.</summary>
    public Sequential(params IEnumerable<Module<T>> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (Module<T> module in modules)
        {
            Append(module);
        }
    }

    /// <summary>The modules in order.</summary>
    public IReadOnlyList<Module<T>> Layers => layers;

    /// <summary>Adds <paramref name="module"/> at the end of the sequence.</summary>
    public Sequential<T> Append(Module<T> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        RegisterModule(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        layers.Add(module);
        return this;
    }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        Tensor<T> output = input;
        foreach (Module<T> layer in layers)
        {
            output = layer.Forward(tape, output);
        }

        return output;
    }
}
