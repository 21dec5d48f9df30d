namespace SyntheticData.Neural;

/// <summary>Sums run by <see cref="ITensorBackend{T}.Reduce"/>.</summary>
public enum ReduceKernel
{
    /// <summary>All elements to a 1 x 1 tensor.</summary>
    Sum,

    /// <summary>Each column over its rows, to a 1 x n row vector.</summary>
    SumOverRows,

    /// <summary>Each row over its columns, to an m x 1 column vector.</summary>
    SumOverColumns,
}
