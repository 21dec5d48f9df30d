using System.Numerics;
using SyntheticData.Neural.Internal;

namespace SyntheticData.Neural;

/// <summary>
/// A network layer or a composition of layers with named parameters, buffers (such as batch norm's
/// running statistics) and child modules, in the manner of PyTorch's <c>nn.Module</c>.
/// </summary>
public abstract class Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(string Name, Tensor<T> Tensor)> parameters = [];
    private readonly List<(string Name, Tensor<T> Tensor)> buffers = [];
    private readonly List<(string Name, Module<T> Module)> children = [];

    /// <summary>Whether the module is in training mode (the default) rather than evaluation mode.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Computes the module's output for <paramref name="input"/>, recording on <paramref name="tape"/>.</summary>
    public abstract Tensor<T> Forward(Tape<T> tape, Tensor<T> input);

    /// <summary>Switches this module and its children to training mode (batch statistics, dropout on).</summary>
    public void Train() => SetTraining(true);

    /// <summary>Switches this module and its children to evaluation mode (running statistics, dropout off).</summary>
    public void Eval() => SetTraining(false);

    /// <summary>Returns every trainable parameter of this module and its children, in registration order.</summary>
    public IReadOnlyList<Tensor<T>> Parameters() => NamedParameters().Select(entry => entry.Value).ToList();

    /// <summary>Returns every parameter with its dotted name, such as <c>0.weight</c>, in registration order.</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor<T>>> NamedParameters()
    {
        var result = new List<KeyValuePair<string, Tensor<T>>>();
        Collect(string.Empty, result, includeBuffers: false);
        return result;
    }

    /// <summary>Returns the parameters and buffers with their dotted names: everything a model file stores.</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor<T>>> State()
    {
        var result = new List<KeyValuePair<string, Tensor<T>>>();
        Collect(string.Empty, result, includeBuffers: true);
        return result;
    }

    /// <summary>Writes the parameters and buffers to <paramref name="stream"/> in the engine's versioned binary format.</summary>
    public void Save(Stream stream) => StateSerializer.Write(stream, State());

    /// <summary>
    /// Reads parameters and buffers written by <see cref="Save"/> into this module, which must have
    /// the same structure. Throws <see cref="NeuralStateException"/> when names or shapes differ.
    /// </summary>
    public void Load(Stream stream) => StateSerializer.Read(stream, State());

    /// <summary>Registers a trainable parameter under <paramref name="name"/> and marks it as requiring gradients.</summary>
    protected Tensor<T> RegisterParameter(string name, Tensor<T> parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.RequiresGrad = true;
        parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a tensor that is saved with the module but not trained, such as a running mean.</summary>
    protected Tensor<T> RegisterBuffer(string name, Tensor<T> buffer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(buffer);
        buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Registers a child module under <paramref name="name"/>; its state is saved under that prefix.</summary>
    protected TModule RegisterModule<TModule>(string name, TModule module)
        where TModule : Module<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(module);
        children.Add((name, module));
        return module;
    }

    private void SetTraining(bool training)
    {
        IsTraining = training;
        foreach ((_, Module<T> child) in children)
        {
            child.SetTraining(training);
        }
    }

    private void Collect(string prefix, List<KeyValuePair<string, Tensor<T>>> result, bool includeBuffers)
    {
        foreach ((string name, Tensor<T> tensor) in parameters)
        {
            result.Add(new(prefix + name, tensor));
        }

        if (includeBuffers)
        {
            foreach ((string name, Tensor<T> tensor) in buffers)
            {
                result.Add(new(prefix + name, tensor));
            }
        }

        foreach ((string name, Module<T> child) in children)
        {
            child.Collect(prefix + name + ".", result, includeBuffers);
        }
    }
}
