/*
 * pi.c - estimate pi with MPI, for the expand-cluster lesson of piwizard.
 *
 * pi is the integral of 4 / (1 + x^2) for x from 0 to 1. The program cuts [0, 1] into N intervals
 * of width h and adds up the function's value at the middle of each (the midpoint rule). Process r
 * of p takes the intervals r, r + p, r + 2p, ...; MPI_Reduce adds the partial sums on rank 0,
 * which prints the estimate, its error and how long the computation took.
 *
 * Build:  mpicc -O2 -o pi pi.c
 * Run:    mpiexec -f machinefile -n 4 ./pi [N]      (N defaults to 100000000)
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_INTERVALS 100000000LL

/* pi to more digits than a double holds, to measure the error. */
static const double PI_REFERENCE = 3.14159265358979323846264338327950288;

/* The number of intervals from the command line, or 0 when it is not a positive whole number. */
static long long parse_intervals(int argc, char **argv)
{
    if (argc < 2)
        return DEFAULT_INTERVALS;
    char *end = NULL;
    long long n = strtoll(argv[1], &end, 10);
    if (end == argv[1] || *end != '\0' || n <= 0)
        return 0;
    return n;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);

    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Rank 0 reads the argument and tells everyone, so all processes agree on N. */
    long long n = 0;
    if (rank == 0)
        n = parse_intervals(argc, argv);
    MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    if (n == 0) {
        if (rank == 0)
            fprintf(stderr, "usage: %s [INTERVALS]  (a positive whole number, default %lld)\n",
                    argv[0], DEFAULT_INTERVALS);
        MPI_Finalize();
        return 2;
    }

    /* Start the clock together, so the time covers the computation and the reduction only. */
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();

    double h = 1.0 / (double)n;
    double partial = 0.0;
    for (long long i = rank; i < n; i += size) {
        double x = h * ((double)i + 0.5);
        partial += 4.0 / (1.0 + x * x);
    }
    partial *= h;

    double pi = 0.0;
    MPI_Reduce(&partial, &pi, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    double elapsed = MPI_Wtime() - start;

    if (rank == 0) {
        double error = pi > PI_REFERENCE ? pi - PI_REFERENCE : PI_REFERENCE - pi;
        printf("pi is approximately %.16f, error %.16f\n", pi, error);
        printf("processes: %d, intervals: %lld, wall time: %.6f s\n", size, n, elapsed);
    }

    MPI_Finalize();
    return 0;
}
