/**
 * echarts ships its one-file build without types of its own; it holds everything the package's entry exports. Node
 * loads that one file in a tenth of the time of the 591 modules behind `echarts/core` and friends, and tree-shaking
 * saves nothing on a server.
 */
declare module 'echarts/dist/echarts.esm.min' {
	export * from 'echarts';
}
