namespace SyntheticData.Neural;

/// <summary>Ways to combine a matrix with a smaller tensor, run by <see cref="ITensorBackend{T}.Broadcast"/>.</summary>
public enum BroadcastKernel
{
    /// <summary>Adds a 1 x n row vector to every row.</summary>
    AddRow,

    /// <summary>Multiplies every row elementwise by a 1 x n row vector.</summary>
    MultiplyRow,

    /// <summary>Adds an m x 1 column vector to every column.</summary>
    AddColumn,

    /// <summary>Multiplies every column elementwise by an m x 1 column vector.</summary>
    MultiplyColumn,

    /// <summary>Fills the result with copies of a 1 x n row vector; the input matrix is unused.</summary>
    RepeatRows,

    /// <summary>Fills the result with copies of an m x 1 column vector; the input matrix is unused.</summary>
    RepeatColumns,

    /// <summary>Fills the result with a 1 x 1 tensor's value; the input matrix is unused.</summary>
    ExpandScalar,
}
