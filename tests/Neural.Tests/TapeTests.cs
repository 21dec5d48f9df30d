using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>The tape's API contract: accumulation, arena reuse, errors and forward values.</summary>
public sealed class TapeTests
{
    [Fact]
    public void Backward_AccumulatesAcrossCalls()
    {
        var parameter = new Tensor<double>(1, 2) { RequiresGrad = true };
        new double[] { 1, 2 }.CopyTo(parameter.Span);
        var tape = new Tape<double>();

        tape.Backward(tape.Sum(tape.Square(parameter)));
        tape.Backward(tape.Sum(tape.Scale(parameter, 3)));

        Assert.Equal([2 + 3, 4 + 3], parameter.Grad!.ToArray());
    }

    [Fact]
    public void Gradient_LeavesParameterGradUntouched()
    {
        var parameter = new Tensor<double>(1, 1) { RequiresGrad = true };
        parameter.Span[0] = 2;
        var tape = new Tape<double>();

        Tensor<double> gradient = tape.Gradient(tape.Sum(tape.Square(parameter)), parameter);

        Assert.Equal(4, gradient[0, 0]);
        Assert.Null(parameter.Grad);
    }

    [Fact]
    public void Gradient_IsZeroWithoutDependence()
    {
        var tape = new Tape<double>();
        Tensor<double> x = tape.Constant(1, 2, [1, 2]);
        x.RequiresGrad = true;
        Tensor<double> y = tape.Constant(1, 2, [3, 4]);
        y.RequiresGrad = true;

        Tensor<double> gradient = tape.Gradient(tape.Sum(tape.Square(y)), x);

        Assert.Equal([0.0, 0.0], gradient.ToArray());
    }

    [Fact]
    public void Backward_RejectsNonScalarOutput()
    {
        var tape = new Tape<double>();
        Tensor<double> x = tape.Constant(1, 2, [1, 2]);
        x.RequiresGrad = true;

        Assert.Throws<ArgumentException>(() => tape.Backward(tape.Square(x)));
    }

    [Fact]
    public void Backward_RejectsOutputOfAnotherTapeOrStep()
    {
        var first = new Tape<double>();
        var second = new Tape<double>();
        Tensor<double> x = first.Constant(1, 1, [2]);
        x.RequiresGrad = true;
        Tensor<double> loss = first.Square(x);

        Assert.Throws<ArgumentException>(() => second.Backward(loss));
        first.Reset();
        Assert.Throws<ArgumentException>(() => first.Backward(loss));
    }

    [Fact]
    public void RequiresGrad_CannotBeSetOnOperationResult()
    {
        var tape = new Tape<double>();
        Tensor<double> x = tape.Constant(1, 1, [2]);
        x.RequiresGrad = true;
        Tensor<double> y = tape.Square(x);

        Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
    }

    [Fact]
    public void GradEnabled_False_RecordsNothing()
    {
        var parameter = new Tensor<double>(1, 1) { RequiresGrad = true };
        var tape = new Tape<double> { GradEnabled = false };

        Tensor<double> y = tape.Square(parameter);

        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
    }

    [Fact]
    public void Reset_ReusesTheSameTensors()
    {
        var tape = new Tape<float>();
        Tensor<float> first = tape.Relu(tape.Zeros(4, 3));
        tape.Reset();
        Tensor<float> second = tape.Relu(tape.Zeros(4, 3));

        Assert.Same(first, second);
        Assert.Equal(2, tape.Count);
    }

    [Fact]
    public void Reshape_SharesStorage()
    {
        var tape = new Tape<double>();
        Tensor<double> x = tape.Constant(2, 3, [1, 2, 3, 4, 5, 6]);

        Tensor<double> reshaped = tape.Reshape(x, 3, 2);
        x.Span[5] = 60;

        Assert.Equal(60, reshaped[2, 1]);
        Assert.Equal(3, reshaped[1, 0]);
    }

    [Fact]
    public void Softmax_RowsSumToOne()
    {
        var tape = new Tape<double>();

        Tensor<double> output = tape.Softmax(tape.Constant(2, 3, [1, 2, 3, -1000, 0, 1000]));

        Assert.Equal(1, output[0, 0] + output[0, 1] + output[0, 2], 12);
        Assert.Equal(Math.Exp(1) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3)), output[0, 0], 12);
        Assert.Equal(1, output[1, 2], 12);
    }

    [Fact]
    public void LogSoftmax_IsStableForLargeInputs()
    {
        var tape = new Tape<double>();

        Tensor<double> output = tape.LogSoftmax(tape.Constant(1, 2, [1000, 0]));

        Assert.Equal(0, output[0, 0], 12);
        Assert.Equal(-1000, output[0, 1], 9);
    }

    [Fact]
    public void CrossEntropy_UniformLogits()
    {
        var tape = new Tape<double>();

        Tensor<double> loss = tape.CrossEntropy(tape.Constant(2, 4, new double[8]), [1, 3]);

        Assert.Equal(Math.Log(4), loss[0, 0], 12);
    }

    [Fact]
    public void Gather_RejectsOutOfRangeIndex()
    {
        var tape = new Tape<double>();

        Assert.Throws<ArgumentOutOfRangeException>(() => tape.Gather(tape.Zeros(2, 3), [0, 3]));
    }

    [Fact]
    public void GumbelSoftmax_IsSeededDistribution()
    {
        var tape = new Tape<float>();
        Tensor<float> logits = tape.Constant(2, 3, [0, 1, 2, 3, 0, -3]);

        float[] first = tape.GumbelSoftmax(logits, 0.2f, new RandomStream(5)).ToArray();
        float[] again = tape.GumbelSoftmax(logits, 0.2f, new RandomStream(5)).ToArray();
        float[] other = tape.GumbelSoftmax(logits, 0.2f, new RandomStream(6)).ToArray();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(1, first[0] + first[1] + first[2], 5);
        Assert.Equal(1, first[3] + first[4] + first[5], 5);
    }

    [Fact]
    public void ConcatAndSlice_RoundTrip()
    {
        var tape = new Tape<double>();
        Tensor<double> left = tape.Constant(2, 1, [1, 2]);
        Tensor<double> right = tape.Constant(2, 2, [3, 4, 5, 6]);

        Tensor<double> joined = tape.ConcatColumns(left, right);

        Assert.Equal([1.0, 3, 4, 2, 5, 6], joined.ToArray());
        Assert.Equal([3.0, 4, 5, 6], tape.SliceColumns(joined, 1, 2).ToArray());
        Assert.Equal([0.0, 3, 4, 0, 0, 5, 6, 0], tape.PadColumns(right, 1, 4).ToArray());
    }
}
