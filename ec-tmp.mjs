import * as echarts from 'echarts/dist/echarts.esm.min';
const c = echarts.init(null, null, {renderer:'svg', ssr:true, width:400, height:200});
c.setOption({animation:false, xAxis:{type:'value'}, yAxis:{type:'category', data:['a','b']}, series:[{type:'bar', data:[1,2]}, {type:'custom', renderItem:()=>({type:'group',children:[]}), data:[[1,2]]}], legend:{}, grid:{}});
console.log(c.renderToSVGString().slice(0,200));
